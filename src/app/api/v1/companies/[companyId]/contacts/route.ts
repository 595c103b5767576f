import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { toContactJson } from "@/server/api/serialize";
import { createContact } from "@/server/contacts/create-contact";
import { listContactRecords } from "@/server/contacts/list-contact-records";

export const GET = apiRoute(endpoints.listContacts, async ({ db, params, query }) => {
  const { vendorId, projectId, ...rest } = query;
  const { records, total } = await listContactRecords(db, { ...rest, companyId: params.companyId, vendor: vendorId, project: projectId });
  return { data: records.map(toContactJson), page: query.page, perPage: query.perPage, total };
});

export const POST = apiRoute(endpoints.createContact, async ({ db, params, body }) =>
  toContactJson(await createContact(db, { companyId: params.companyId, input: body, origin: "API" })),
);
