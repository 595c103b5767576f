import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { applyBulkStatusChange } from "@/server/contacts/apply-bulk-status-change";

export const POST = apiRoute(endpoints.inactivateContacts, ({ db, actor, params, body, idempotencyKey }) =>
  applyBulkStatusChange(db, {
    companyId: params.companyId,
    to: "INACTIVE",
    selection: { contactIds: body.contactIds },
    actor,
    reason: body.reason,
    idempotencyKey,
  }),
);
