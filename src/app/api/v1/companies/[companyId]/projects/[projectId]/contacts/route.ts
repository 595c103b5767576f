import { endpoints } from "@/server/api/endpoints";
import { apiRoute, notFoundError } from "@/server/api/route";
import { toContactJson } from "@/server/api/serialize";
import { listContactRecords } from "@/server/contacts/list-contact-records";
import { applyBulkMembershipChange } from "@/server/projects/apply-bulk-membership-change";
import { getProject } from "@/server/projects/get-project";

export const GET = apiRoute(endpoints.listProjectContacts, async ({ db, params, query }) => {
  if (!(await getProject(db, params))) throw notFoundError("projectId");
  const { records, total } = await listContactRecords(db, { ...query, ...params });
  return { data: records.map(toContactJson), page: query.page, perPage: query.perPage, total };
});

export const POST = apiRoute(endpoints.addContactsToProject, ({ db, actor, params, body, idempotencyKey }) =>
  applyBulkMembershipChange(db, {
    ...params,
    change: "add",
    selection: { contactIds: body.contactIds },
    actor,
    reason: body.reason,
    idempotencyKey,
  }),
);
