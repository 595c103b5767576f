import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { changedBy } from "@/server/history/changed-by";
import { withIdempotency } from "@/server/idempotency/with-idempotency";
import { removeContactsFromProject } from "@/server/projects/remove-contacts-from-project";

export const POST = apiRoute(endpoints.removeContactsFromProject, async ({ db, actor, params, body, idempotencyKey }) => {
  const { result } = await withIdempotency(
    db,
    { companyId: params.companyId, userId: actor.userId, key: idempotencyKey, request: ["remove", params.projectId, body] },
    (tx) => removeContactsFromProject(tx, { ...params, contactIds: body.contactIds, by: changedBy(actor, body.reason) }),
  );
  return result;
});
