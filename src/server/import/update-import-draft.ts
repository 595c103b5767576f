import "server-only";
import type { Db } from "@/server/db/transaction";

/** Keeps the wizard's choices (mapping, delimiter, sheet, …) with the upload. False when no such draft is the user's. */
export async function updateImportDraft(
  db: Db,
  { companyId, userId, draftId, settings }: { companyId: string; userId: string; draftId: string; settings: object },
): Promise<boolean> {
  const { count } = await db.importDraft.updateMany({ where: { companyId, userId, id: draftId }, data: { settings } });
  return count === 1;
}
