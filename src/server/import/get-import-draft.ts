import "server-only";
import type { Db } from "@/server/db/transaction";

/** A draft of this user in this company, or null: nobody else's upload is ever shown. */
export function getImportDraft(
  db: Db,
  { companyId, userId, draftId }: { companyId: string; userId: string; draftId: string },
) {
  return db.importDraft.findFirst({
    where: { companyId, userId, id: draftId },
    select: { id: true, projectId: true, fileName: true, content: true, settings: true, createdAt: true },
  });
}
