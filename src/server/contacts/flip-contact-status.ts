import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { ContactStatus } from "@/generated/prisma/enums";
import type { HistoryEvent } from "@/shared/history-events";

type Tx = Prisma.TransactionClient;

/** The events a status flip records: an inactivation, a reactivation, or the undo of one. */
export type StatusFlipEvent = Extract<
  HistoryEvent,
  { action: "contact.inactivated" | "contact.reactivated" | "batch.undone" }
>;

export type FlipContactStatusOptions = {
  companyId: string;
  /** Contacts already locked (lockContacts) and in the status the flip starts from. */
  contactIds: string[];
  to: ContactStatus;
  /** Only these memberships (an undo: those its batch flipped); otherwise all the contacts' memberships in the starting status. */
  memberships?: { contactId: string; projectId: string }[];
  /** The batch the events belong to, and the event each contact gets. */
  batchId: string;
  event: StatusFlipEvent;
};

/**
 * Flips contacts and their project memberships between ACTIVE and INACTIVE with two
 * set-based statements however many ids, and writes each contact's event, naming the
 * project directories it left or returned to, in the memberships' statement. REMOVED
 * memberships are never touched: that is what keeps a removal in force across an
 * inactivation.
 */
export async function flipContactStatus(
  tx: Tx,
  options: FlipContactStatusOptions,
): Promise<{ membershipsChanged: number; projectIds: string[] }> {
  // The invariant trigger checks each statement, so order them such that an inactive
  // contact never has an active membership in between.
  if (options.to === "ACTIVE") {
    await updateContacts(tx, options);
    return updateMemberships(tx, options);
  }
  const memberships = await updateMemberships(tx, options);
  await updateContacts(tx, options);
  return memberships;
}

function fromStatus(to: ContactStatus): ContactStatus {
  return to === "ACTIVE" ? "INACTIVE" : "ACTIVE";
}

async function updateContacts(tx: Tx, { companyId, contactIds, to }: FlipContactStatusOptions) {
  await tx.$executeRaw`
    UPDATE "Contact"
    SET status = ${to}::"ContactStatus",
        "inactivatedAt" = CASE WHEN ${to} = 'INACTIVE' THEN now() END,
        "updatedAt" = now()
    WHERE "companyId" = ${companyId}::uuid AND id = ANY(${contactIds}::uuid[]) AND status = ${fromStatus(to)}::"ContactStatus"`;
}

async function updateMemberships(
  tx: Tx,
  { companyId, contactIds, to, memberships, batchId, event }: FlipContactStatusOptions,
) {
  // Only these memberships (an undo): joined, so each is one probe of the membership key.
  // (As an EXISTS under an OR it was a subplan run once per membership over the whole
  // list: 28 s to undo a 9,876-contact reactivation of about 100,000 memberships.)
  const only = memberships
    ? Prisma.sql`FROM jsonb_to_recordset(${JSON.stringify(memberships)}::jsonb) AS m("contactId" uuid, "projectId" uuid)`
    : Prisma.empty;
  const onlyMatch = memberships
    ? Prisma.sql`AND pc."contactId" = m."contactId" AND pc."projectId" = m."projectId"`
    : Prisma.empty;
  const [result] = await tx.$queryRaw<{ membershipsChanged: number; projectIds: string[] }[]>`
    WITH changed AS (
      UPDATE "ProjectContact" pc
      SET status = ${to}::"MembershipStatus", "updatedAt" = now()
      ${only}
      WHERE pc."companyId" = ${companyId}::uuid
        AND pc."contactId" = ANY(${contactIds}::uuid[])
        AND pc.status = ${fromStatus(to)}::"MembershipStatus"
        ${onlyMatch}
      RETURNING pc."contactId", pc."projectId"
    ), per_contact AS (
      SELECT "contactId", array_agg("projectId" ORDER BY "projectId") AS "projectIds" FROM changed GROUP BY "contactId"
    ), events AS (
      INSERT INTO "ContactEvent" ("companyId", "contactId", "batchId", action, "projectIds", changes)
      SELECT ${companyId}::uuid, c.id, ${batchId}::uuid, ${event.action}, coalesce(p."projectIds", '{}'), ${JSON.stringify(event.changes)}::jsonb
      FROM unnest(${contactIds}::uuid[]) AS c(id) LEFT JOIN per_contact p ON p."contactId" = c.id
    )
    SELECT count(*)::int AS "membershipsChanged",
           coalesce(array_agg(DISTINCT "projectId"::text), '{}') AS "projectIds"
    FROM changed`;
  return result ?? { membershipsChanged: 0, projectIds: [] };
}
