import { endpoints } from "@/server/api/endpoints";
import { ApiError } from "@/server/api/errors";
import { apiRoute } from "@/server/api/route";
import { can, REFUSAL } from "@/server/permissions/can";
import { applyBulkVendorStatusChange } from "@/server/vendors/apply-bulk-vendor-status-change";

export const POST = apiRoute(endpoints.reactivateVendors, ({ db, actor, params, body, idempotencyKey }) => {
  // Their people change through the contact lifecycle, which takes its own permission.
  if (body.includeContacts && !can(actor, "change contact status")) {
    throw new ApiError("forbidden", REFUSAL["change contact status"]);
  }
  return applyBulkVendorStatusChange(db, {
    companyId: params.companyId,
    to: "ACTIVE",
    selection: { vendorIds: body.vendorIds },
    includeContacts: body.includeContacts,
    actor,
    reason: body.reason,
    idempotencyKey,
  });
});
