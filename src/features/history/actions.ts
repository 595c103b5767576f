"use server";

import { companyPages, serverAction } from "@/server/actions/server-action";
import { batchPermission } from "@/server/history/batch-permission";
import { getBatch, undoBatchOnce } from "@/server/history/undo-batch";
import { undoBatchInputSchema } from "./validations";

export type UndoSummary = { batchId: string; undone: number; companiesUndone: number; projectsAffected: number };

/** Undo from the toast: puts back what one bulk change did, or says why it cannot. */
export const undoBatchAction = serverAction({
  input: undoBatchInputSchema,
  // Undoing takes the permission the change took: the batch is looked up once the caller is known to be a member.
  access: async ({ companyId, batchId }, db) => {
    const batch = await getBatch(db, companyId, batchId);
    return batch ? batchPermission(batch) : { refused: "That change was not found. Reload the page." };
  },
  run: async ({ db, actor, input: { companyId, batchId, idempotencyKey } }): Promise<UndoSummary> => {
    const r = await undoBatchOnce(db, { companyId, batchId, actor, idempotencyKey });
    return {
      batchId: r.batchId,
      undone: r.contactIds.length,
      companiesUndone: r.vendorIds.length,
      projectsAffected: r.projectIds.length,
    };
  },
  revalidate: (_, { companyId }) => companyPages(companyId),
});
