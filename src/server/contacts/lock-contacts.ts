import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ContactStatus } from "@/generated/prisma/enums";

export type LockedContact = { id: string; status: ContactStatus };

/**
 * The one concurrency rule: every writer of contacts and their memberships (inactivate,
 * reactivate, add, remove, edit, undo) locks the contacts it touches first, in id order,
 * and reads their status in the same statement. Two overlapping changes then queue
 * instead of deadlocking, and the second sees the first's result instead of failing with
 * a serialization error that would have to be retried (and a 10,000-row change retried is
 * 10,000 rows of work thrown away). Write the history after this call: a batch's time is
 * taken at insert, so history order is the order in which changes were applied.
 *
 * Returns the contacts of this company among the ids, in id order; unknown ids are absent.
 */
export function lockContacts(tx: Prisma.TransactionClient, companyId: string, ids: string[]): Promise<LockedContact[]> {
  return tx.$queryRaw<LockedContact[]>`
    SELECT id::text AS id, status::text AS status FROM "Contact"
    WHERE "companyId" = ${companyId}::uuid AND id = ANY(${ids}::uuid[])
    ORDER BY id
    FOR UPDATE`;
}
