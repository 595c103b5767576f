import { endpoints } from "@/server/api/endpoints";
import { apiRoute, notFoundError } from "@/server/api/route";
import { toContactJson } from "@/server/api/serialize";
import { listContactRecords } from "@/server/contacts/list-contact-records";
import { addContactsToProject } from "@/server/projects/add-contacts-to-project";
import { getProject } from "@/server/projects/get-project";

export const GET = apiRoute(endpoints.listProjectContacts, async ({ db, params, query }) => {
  if (!(await getProject(db, params))) throw notFoundError("projectId");
  const { vendorId, ...rest } = query;
  const { records, total } = await listContactRecords(db, { ...rest, ...params, vendor: vendorId });
  return { data: records.map(toContactJson), page: query.page, perPage: query.perPage, total };
});

export const POST = apiRoute(endpoints.addContactsToProject, async ({ db, params, body }) =>
  addContactsToProject(db, { ...params, contactIds: body.contactIds }),
);
