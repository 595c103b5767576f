import { endpoints } from "@/server/api/endpoints";
import { ApiError } from "@/server/api/errors";
import { apiRoute } from "@/server/api/route";
import { toContactJson } from "@/server/api/serialize";
import { createContact } from "@/server/contacts/create-contact";
import { listContactRecords } from "@/server/contacts/list-contact-records";
import { changedBy } from "@/server/history/changed-by";
import { can, canListContacts, REFUSAL, viewPermission } from "@/server/permissions/can";

export const GET = apiRoute(endpoints.listContacts, async ({ db, actor, params, query }) => {
  const { projectId, ...rest } = query;
  if (!canListContacts(actor, query.status, { memberOf: projectId }))
    throw new ApiError("forbidden", REFUSAL[viewPermission(query.status)]);
  const { records, total } = await listContactRecords(db, {
    ...rest,
    companyId: params.companyId,
    onProjectId: projectId,
  });
  return { data: records.map(toContactJson), page: query.page, perPage: query.perPage, total };
});

export const POST = apiRoute(endpoints.createContact, async ({ db, actor, params, body }) => {
  // A contact created on a project joins its directory: that takes Standard on the project
  // too, where its own level may be lower than the company's (as the project's Add Contact does).
  if (body.projectIds?.some((projectId) => !can(actor, "edit contacts", { projectId: projectId.toLowerCase() }))) {
    throw new ApiError("forbidden", REFUSAL["edit contacts"]);
  }
  return toContactJson(
    await createContact(db, { companyId: params.companyId, input: body, origin: "API", by: changedBy(actor) }),
  );
});
