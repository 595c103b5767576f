import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ContactStatus } from "@/generated/prisma/enums";
import { inTransaction, type Db } from "@/server/db/transaction";
import { SYSTEM, type ChangedBy } from "@/server/history/changed-by";
import { openBatch } from "@/server/history/open-batch";

type Tx = Prisma.TransactionClient;

export type SkipReason = "already active" | "already inactive" | "not found";

export type ContactStatusChange = {
  /** The change's record in the history (null when nothing changed): what Undo takes back. */
  batchId: string | null;
  /** Ids of the contacts whose status changed, in id order. */
  changed: string[];
  skipped: { id: string; reason: SkipReason }[];
  /** The project directories the changed contacts left or returned to. */
  projectIds: string[];
  membershipsChanged: number;
};

export type ChangeContactStatusOptions = {
  companyId: string;
  /** Parsed ids: lower-case UUIDs without duplicates (see contactIdsSchema). */
  contactIds: string[];
  to: ContactStatus;
  /** Recorded in the history with the change; the system when absent. */
  by?: ChangedBy;
};

/**
 * Flips contacts and their project memberships between ACTIVE and INACTIVE in one
 * transaction, with a fixed number of set-based statements however many ids.
 *
 * The contacts are locked first, in id order, so concurrent bulk changes over
 * overlapping sets queue behind each other instead of deadlocking; the status check
 * sits in the WHERE of that lock, so a contact changed by someone else meanwhile is
 * skipped rather than flipped twice. REMOVED memberships are never touched: that is
 * what keeps a removal in force across an inactivation.
 *
 * Lock ordering, not SERIALIZABLE with retries, is what keeps concurrent changes apart:
 * every writer of contacts and memberships (add, remove, create, undo) locks the
 * contacts it touches first, in id order, so two overlapping bulk changes queue instead
 * of deadlocking, and the second sees the first's result in its WHERE instead of failing
 * with a serialization error that would have to be retried (and a 10,000-row change
 * retried is 10,000 rows of work thrown away).
 *
 * The history is written by the same statements: one batch row, and one event per
 * changed contact (with the project directories it left or returned to) produced by the
 * membership UPDATE itself.
 */
export async function changeContactStatus(
  db: Db,
  { companyId, contactIds, to, by = SYSTEM }: ChangeContactStatusOptions,
): Promise<ContactStatusChange> {
  const from: ContactStatus = to === "ACTIVE" ? "INACTIVE" : "ACTIVE";
  return inTransaction(db, async (tx) => {
    const found = await tx.$queryRaw<{ id: string; status: ContactStatus }[]>`
      SELECT id::text AS id, status::text AS status FROM "Contact"
      WHERE "companyId" = ${companyId}::uuid AND id = ANY(${contactIds}::uuid[])
      ORDER BY id
      FOR UPDATE`;
    const changed = found.filter((c) => c.status === from).map((c) => c.id);
    const skipped = skippedContacts(contactIds, found, to);
    if (changed.length === 0) {
      return { batchId: null, changed, skipped, projectIds: [], membershipsChanged: 0 };
    }
    const batchId = await openBatch(tx, companyId, to === "ACTIVE" ? "contacts.reactivate" : "contacts.inactivate", by);
    // The invariant trigger checks each statement, so order them such that an inactive
    // contact never has an active membership in between.
    if (to === "ACTIVE") {
      await updateContacts(tx, companyId, changed, to);
      return { batchId, changed, skipped, ...(await updateMemberships(tx, companyId, batchId, changed, to)) };
    }
    const memberships = await updateMemberships(tx, companyId, batchId, changed, to);
    await updateContacts(tx, companyId, changed, to);
    return { batchId, changed, skipped, ...memberships };
  });
}

function skippedContacts(
  requested: string[],
  found: { id: string; status: ContactStatus }[],
  to: ContactStatus,
): ContactStatusChange["skipped"] {
  const status = new Map(found.map((c) => [c.id, c.status]));
  const already: SkipReason = to === "ACTIVE" ? "already active" : "already inactive";
  return requested.flatMap((id): ContactStatusChange["skipped"] => {
    const current = status.get(id);
    // A contact whose import was undone is kept for its history only.
    if (current === undefined || current === "DISCARDED") return [{ id, reason: "not found" }];
    return current === to ? [{ id, reason: already }] : [];
  });
}

async function updateContacts(tx: Tx, companyId: string, ids: string[], to: ContactStatus) {
  await tx.$executeRaw`
    UPDATE "Contact"
    SET status = ${to}::"ContactStatus",
        "inactivatedAt" = CASE WHEN ${to} = 'INACTIVE' THEN now() END,
        "updatedAt" = now()
    WHERE "companyId" = ${companyId}::uuid AND id = ANY(${ids}::uuid[])`;
}

/**
 * Flips the memberships and writes each contact's event, naming the project
 * directories it left or returned to, in the same statement.
 */
async function updateMemberships(tx: Tx, companyId: string, batchId: string, contactIds: string[], to: ContactStatus) {
  const from = to === "ACTIVE" ? "INACTIVE" : "ACTIVE";
  const action = to === "ACTIVE" ? "contact.reactivated" : "contact.inactivated";
  const changes = JSON.stringify({ status: { from, to } });
  const [result] = await tx.$queryRaw<{ membershipsChanged: number; projectIds: string[] }[]>`
    WITH changed AS (
      UPDATE "ProjectContact"
      SET status = ${to}::"MembershipStatus", "updatedAt" = now()
      WHERE "companyId" = ${companyId}::uuid
        AND "contactId" = ANY(${contactIds}::uuid[])
        AND status = ${from}::"MembershipStatus"
      RETURNING "contactId", "projectId"
    ), per_contact AS (
      SELECT "contactId", array_agg("projectId" ORDER BY "projectId") AS "projectIds" FROM changed GROUP BY "contactId"
    ), events AS (
      INSERT INTO "ContactEvent" ("companyId", "contactId", "batchId", action, "projectIds", changes)
      SELECT ${companyId}::uuid, c.id, ${batchId}::uuid, ${action}, coalesce(p."projectIds", '{}'), ${changes}::jsonb
      FROM unnest(${contactIds}::uuid[]) AS c(id) LEFT JOIN per_contact p ON p."contactId" = c.id
    )
    SELECT count(*)::int AS "membershipsChanged",
           coalesce(array_agg(DISTINCT "projectId"::text), '{}') AS "projectIds"
    FROM changed`;
  return result ?? { membershipsChanged: 0, projectIds: [] };
}
