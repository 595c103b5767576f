import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { lockContacts } from "@/server/contacts/lock-contacts";
import { recordEvents } from "@/server/history/open-batch";

export type MakeContactUserOptions = { companyId: string; contactId: string; userId: string; batchId: string };

/**
 * The contact and the user become one record: the contact turns USER, pointing to the
 * company's user, and so leaves every contact tab, count, search, picker and export (they
 * all ask for ACTIVE or INACTIVE). Its projects, crews and history stay on the row. A contact
 * merged away or already made a user since the invitation stays as it is. The caller holds
 * the users' lock and has opened the batch the event goes in.
 */
export async function makeContactUser(
  tx: Prisma.TransactionClient,
  { companyId, contactId, userId, batchId }: MakeContactUserOptions,
): Promise<boolean> {
  const [contact] = await lockContacts(tx, companyId, [contactId]);
  if (!contact || (contact.status !== "ACTIVE" && contact.status !== "INACTIVE")) return false;
  const from = contact.status;
  const changed = await tx.$executeRaw`
    UPDATE "Contact" SET status = 'USER', "userId" = ${userId}::uuid, "updatedAt" = now()
    WHERE "companyId" = ${companyId}::uuid AND id = ${contactId}::uuid AND status::text = ${from}
      AND NOT EXISTS (
        SELECT 1 FROM "Contact" u WHERE u."companyId" = ${companyId}::uuid AND u."userId" = ${userId}::uuid
      )`;
  if (changed === 0) return false;
  await recordEvents(tx, companyId, batchId, "contact.became_user", [
    { contactId, projectIds: [], changes: { status: { from, to: "USER" }, userId } },
  ]);
  return true;
}
