import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { mergeVendorsOnce } from "@/server/vendors/merge-vendors";

export const POST = apiRoute(endpoints.mergeVendors, ({ db, actor, params, body, idempotencyKey }) =>
  mergeVendorsOnce(db, {
    companyId: params.companyId,
    keepId: body.keepId,
    mergeIds: body.mergeIds,
    fields: body.fields,
    actor,
    reason: body.reason,
    idempotencyKey,
  }),
);
