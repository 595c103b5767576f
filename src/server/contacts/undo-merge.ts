import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordEvents } from "@/server/history/open-batch";
import type { HistoryChanges } from "@/shared/history-events";

/**
 * Takes back a merge inside undoBatch's transaction (which has locked the batch's contacts
 * and checked none changed since): the rows the merge recorded as they were before are
 * written back — the contacts' fields and statuses, every membership (its contact, status
 * and times) and crew spot (a dropped one comes back with its id, unless its crew is gone).
 * Contacts and memberships in one statement, so the lifecycle triggers see the end state.
 */
export async function undoMerge(
  tx: Prisma.TransactionClient,
  companyId: string,
  undoId: string,
  batchId: string,
  merged: { contactId: string; changes: HistoryChanges<"contact.merged"> },
): Promise<void> {
  const { before, mergedIds } = merged.changes;
  await tx.$executeRaw`
    WITH contacts AS (
      UPDATE "Contact" c SET
        "firstName" = s."firstName", "lastName" = s."lastName", email = s.email, phone = s.phone,
        "jobTitle" = s."jobTitle", "employeeId" = s."employeeId", classification = s.classification,
        "isEmployee" = s."isEmployee", "vendorId" = s."vendorId", status = s.status::"ContactStatus",
        "inactivatedAt" = s."inactivatedAt"::timestamptz, "mergedIntoId" = NULL, "updatedAt" = s."updatedAt"::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(before.contacts)}::jsonb) AS s(
        id uuid, "firstName" text, "lastName" text, email text, phone text, "jobTitle" text, "employeeId" text,
        classification text, "isEmployee" boolean, "vendorId" uuid, status text, "inactivatedAt" text, "updatedAt" text)
      WHERE c."companyId" = ${companyId}::uuid AND c.id = s.id
      RETURNING c.id
    )
    UPDATE "ProjectContact" pc SET
      "contactId" = s."contactId", status = s.status::"MembershipStatus",
      "removedAt" = s."removedAt"::timestamptz, "updatedAt" = s."updatedAt"::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(before.memberships)}::jsonb) AS s(
      id uuid, "contactId" uuid, status text, "removedAt" text, "updatedAt" text)
    WHERE pc."companyId" = ${companyId}::uuid AND pc.id = s.id`;
  const spots = JSON.stringify(before.crewMembers);
  await tx.$executeRaw`
    UPDATE "CrewMember" cm SET "contactId" = s."contactId"
    FROM jsonb_to_recordset(${spots}::jsonb) AS s(id uuid, "contactId" uuid)
    WHERE cm."companyId" = ${companyId}::uuid AND cm.id = s.id AND cm."contactId" <> s."contactId"`;
  await tx.$executeRaw`
    INSERT INTO "CrewMember" (id, "companyId", "crewId", "contactId", "createdAt")
    SELECT s.id, ${companyId}::uuid, s."crewId", s."contactId", s."createdAt"::timestamptz
    FROM jsonb_to_recordset(${spots}::jsonb) AS s(id uuid, "crewId" uuid, "contactId" uuid, "createdAt" text)
    JOIN "Crew" c ON c."companyId" = ${companyId}::uuid AND c.id = s."crewId"
    WHERE NOT EXISTS (SELECT 1 FROM "CrewMember" cm WHERE cm."companyId" = ${companyId}::uuid AND cm.id = s.id)
    ON CONFLICT DO NOTHING`;
  await recordEvents(tx, companyId, undoId, "batch.undone", [
    {
      contactId: merged.contactId,
      projectIds: merged.changes.projectIds,
      changes: { undoes: batchId, unmerged: mergedIds },
    },
    ...mergedIds.map((contactId) => ({ contactId, projectIds: [], changes: { undoes: batchId, unmerged: [] } })),
  ]);
}
