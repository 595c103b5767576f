import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ContactStatus } from "@/generated/prisma/enums";
import { inTransaction, type Db } from "@/server/db/transaction";

type Tx = Prisma.TransactionClient;

export type SkipReason = "already active" | "already inactive" | "not found";

export type ContactStatusChange = {
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
 */
export async function changeContactStatus(
  db: Db,
  { companyId, contactIds, to }: ChangeContactStatusOptions,
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
      return { changed, skipped, projectIds: [], membershipsChanged: 0 };
    }
    // The invariant trigger checks each statement, so order them such that an inactive
    // contact never has an active membership in between.
    if (to === "ACTIVE") {
      await updateContacts(tx, companyId, changed, to);
      return { changed, skipped, ...(await updateMemberships(tx, companyId, changed, to)) };
    }
    const memberships = await updateMemberships(tx, companyId, changed, to);
    await updateContacts(tx, companyId, changed, to);
    return { changed, skipped, ...memberships };
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
    if (current === undefined) return [{ id, reason: "not found" }];
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

async function updateMemberships(tx: Tx, companyId: string, contactIds: string[], to: ContactStatus) {
  const from = to === "ACTIVE" ? "INACTIVE" : "ACTIVE";
  const [result] = await tx.$queryRaw<{ membershipsChanged: number; projectIds: string[] }[]>`
    WITH changed AS (
      UPDATE "ProjectContact"
      SET status = ${to}::"MembershipStatus", "updatedAt" = now()
      WHERE "companyId" = ${companyId}::uuid
        AND "contactId" = ANY(${contactIds}::uuid[])
        AND status = ${from}::"MembershipStatus"
      RETURNING "projectId"
    )
    SELECT count(*)::int AS "membershipsChanged",
           coalesce(array_agg(DISTINCT "projectId"::text), '{}') AS "projectIds"
    FROM changed`;
  return result ?? { membershipsChanged: 0, projectIds: [] };
}
