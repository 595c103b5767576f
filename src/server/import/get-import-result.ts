import "server-only";
import type { Db } from "@/server/db/transaction";

/** What an import batch did, from its history: null when the batch is not an import of this company. */
export async function getImportResult(db: Db, { companyId, batchId }: { companyId: string; batchId: string }) {
  const batch = await db.changeBatch.findUnique({
    where: { companyId_id: { companyId, id: batchId } },
    select: { action: true, undoneAt: true },
  });
  if (!batch || batch.action !== "contacts.import") return null;
  const counts = await db.contactEvent.groupBy({
    by: ["action"],
    where: { companyId, batchId },
    _count: { _all: true },
  });
  const count = (action: string) => counts.find((c) => c.action === action)?._count._all ?? 0;
  return {
    created: count("contact.imported"),
    updated: count("contact.updated_by_import"),
    undone: batch.undoneAt !== null,
  };
}
