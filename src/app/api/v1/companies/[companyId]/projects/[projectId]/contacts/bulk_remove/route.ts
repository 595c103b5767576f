import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { applyBulkMembershipChange } from "@/server/projects/apply-bulk-membership-change";

export const POST = apiRoute(endpoints.removeContactsFromProject, ({ db, actor, params, body, idempotencyKey }) =>
  applyBulkMembershipChange(db, {
    ...params,
    change: "remove",
    selection: { contactIds: body.contactIds },
    actor,
    reason: body.reason,
    idempotencyKey,
  }),
);
