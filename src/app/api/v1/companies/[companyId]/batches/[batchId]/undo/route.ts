import { endpoints } from "@/server/api/endpoints";
import { ApiError } from "@/server/api/errors";
import { apiRoute, notFoundError } from "@/server/api/route";
import { batchPermission } from "@/server/history/batch-permission";
import { getBatch, undoBatchOnce } from "@/server/history/undo-batch";
import { can, REFUSAL } from "@/server/permissions/can";

export const POST = apiRoute(endpoints.undoBatch, async ({ db, actor, params, idempotencyKey }) => {
  const { companyId, batchId } = params;
  const batch = await getBatch(db, companyId, batchId);
  if (!batch) throw notFoundError("batchId");
  const { permission, projectId } = batchPermission(batch);
  if (!can(actor, permission, { projectId })) throw new ApiError("forbidden", REFUSAL[permission]);
  return undoBatchOnce(db, { companyId, batchId, actor, idempotencyKey });
});
