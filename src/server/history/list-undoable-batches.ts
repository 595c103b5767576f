import "server-only";
import type { Db } from "@/server/db/transaction";
import { UNDOABLE } from "./undo-batch";

/**
 * Which of these batches the Change History offers Undo for: the undoable kinds of change
 * not undone yet. Whether their contacts changed since is decided when Undo is asked.
 */
export async function listUndoableBatches(db: Db, companyId: string, batchIds: string[]): Promise<Set<string>> {
  if (batchIds.length === 0) return new Set();
  const batches = await db.changeBatch.findMany({
    where: { companyId, id: { in: [...new Set(batchIds)] }, action: { in: [...UNDOABLE] }, undoneAt: null },
    select: { id: true },
  });
  return new Set(batches.map((b) => b.id));
}
