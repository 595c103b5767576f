import "server-only";
import { inTransaction, type Db } from "@/server/db/transaction";
import { notFound } from "@/server/errors";
import { SYSTEM, type ChangedBy } from "@/server/history/changed-by";
import { lockContacts } from "@/server/contacts/lock-contacts";
import { openBatch } from "@/server/history/open-batch";
import type { HistoryAction } from "@/shared/history-events";

/** Its payload (membership from → REMOVED, the crews left) is built per row below; its schema is in src/shared/history-events.ts. */
const REMOVED = "contact.removed_from_project" satisfies HistoryAction;

export type RemoveContactsFromProjectOptions = {
  companyId: string;
  projectId: string;
  contactIds: string[];
  by?: ChangedBy;
};

export type RemoveContactsFromProjectResult = {
  /** The change's record in the history (null when nothing changed): what Undo takes back. */
  batchId: string | null;
  removed: string[];
  skipped: { id: string; reason: "not on project" }[];
};

/**
 * Takes contacts off a project's directory, keeping the row (REMOVED) for history, and
 * off that project's crews. Works for active and inactive members alike: an inactive
 * contact removed here does not come back to this project when reactivated. Each
 * contact's event keeps the membership's previous status and the crews it left, which
 * is what an undo puts back.
 */
export function removeContactsFromProject(
  db: Db,
  { companyId, projectId, contactIds, by = SYSTEM }: RemoveContactsFromProjectOptions,
) {
  return inTransaction(db, async (tx): Promise<RemoveContactsFromProjectResult> => {
    const project = await tx.project.findUnique({
      where: { companyId_id: { companyId, id: projectId } },
      select: { id: true },
    });
    if (!project) throw notFound("Project not found.");
    // With the contacts locked, nobody else can change their memberships until we commit.
    const members = await lockContacts(tx, companyId, contactIds);
    const onProject = await tx.$queryRaw<{ contactId: string }[]>`
      SELECT "contactId"::text AS "contactId" FROM "ProjectContact"
      WHERE "companyId" = ${companyId}::uuid AND "projectId" = ${projectId}::uuid
        AND "contactId" = ANY(${members.map((m) => m.id)}::uuid[]) AND status <> 'REMOVED'`;
    const ids = onProject.map((m) => m.contactId);
    let batchId: string | null = null;
    if (ids.length) {
      batchId = await openBatch(tx, companyId, "project.remove_contacts", by, { projectId });
      await tx.$executeRaw`
        WITH before AS (
          SELECT "contactId", status FROM "ProjectContact"
          WHERE "companyId" = ${companyId}::uuid AND "projectId" = ${projectId}::uuid AND "contactId" = ANY(${ids}::uuid[])
        ), removed AS (
          UPDATE "ProjectContact" pc
          SET status = 'REMOVED', "removedAt" = now(), "updatedAt" = now()
          FROM before b
          WHERE pc."companyId" = ${companyId}::uuid AND pc."projectId" = ${projectId}::uuid AND pc."contactId" = b."contactId"
          RETURNING pc."contactId", b.status::text AS "from"
        ), left_crews AS (
          DELETE FROM "CrewMember" m USING "Crew" c
          WHERE m."companyId" = ${companyId}::uuid AND c."companyId" = m."companyId" AND c.id = m."crewId"
            AND c."projectId" = ${projectId}::uuid AND m."contactId" = ANY(${ids}::uuid[])
          RETURNING m."contactId", m."crewId"
        ), crews_per_contact AS (
          SELECT "contactId", jsonb_agg("crewId" ORDER BY "crewId") AS "crewIds" FROM left_crews GROUP BY "contactId"
        )
        INSERT INTO "ContactEvent" ("companyId", "contactId", "batchId", action, "projectIds", changes)
        SELECT ${companyId}::uuid, r."contactId", ${batchId}::uuid, ${REMOVED}, ARRAY[${projectId}::uuid],
               jsonb_build_object('membership', jsonb_build_object('from', r."from", 'to', 'REMOVED'),
                                  'crewIds', coalesce(cr."crewIds", '[]'::jsonb))
        FROM removed r LEFT JOIN crews_per_contact cr ON cr."contactId" = r."contactId"`;
    }
    const done = new Set(ids);
    return {
      batchId,
      removed: [...ids].sort(),
      skipped: contactIds.filter((id) => !done.has(id)).map((id) => ({ id, reason: "not on project" as const })),
    };
  });
}
