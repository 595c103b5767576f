import { endpoints } from "@/server/api/endpoints";
import { apiRoute, notFoundError } from "@/server/api/route";
import { toContactJson } from "@/server/api/serialize";
import { listContactRecords } from "@/server/contacts/list-contact-records";
import { addContactsToProject } from "@/server/projects/add-contacts-to-project";
import { getProject } from "@/server/projects/get-project";
import { changedBy } from "@/server/history/changed-by";
import { withIdempotency } from "@/server/idempotency/with-idempotency";

export const GET = apiRoute(endpoints.listProjectContacts, async ({ db, params, query }) => {
  if (!(await getProject(db, params))) throw notFoundError("projectId");
  const { records, total } = await listContactRecords(db, { ...query, ...params });
  return { data: records.map(toContactJson), page: query.page, perPage: query.perPage, total };
});

export const POST = apiRoute(endpoints.addContactsToProject, async ({ db, actor, params, body, idempotencyKey }) => {
  const { result } = await withIdempotency(
    db,
    { companyId: params.companyId, userId: actor.userId, key: idempotencyKey, request: ["add", params.projectId, body] },
    (tx) => addContactsToProject(tx, { ...params, contactIds: body.contactIds, by: changedBy(actor, body.reason) }),
  );
  return result;
});
