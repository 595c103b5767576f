import "server-only";
import { inTransaction, type Db } from "@/server/db/transaction";
import { notFound } from "@/server/errors";

export type RemoveContactsFromProjectOptions = { companyId: string; projectId: string; contactIds: string[] };

export type RemoveContactsFromProjectResult = {
  removed: string[];
  skipped: { id: string; reason: "not on project" }[];
};

/**
 * Takes contacts off a project's directory, keeping the row (REMOVED) for history, and
 * off that project's crews. Works for active and inactive members alike: an inactive
 * contact removed here does not come back to this project when reactivated.
 */
export function removeContactsFromProject(db: Db, { companyId, projectId, contactIds }: RemoveContactsFromProjectOptions) {
  return inTransaction(db, async (tx): Promise<RemoveContactsFromProjectResult> => {
    const project = await tx.project.findUnique({ where: { companyId_id: { companyId, id: projectId } }, select: { id: true } });
    if (!project) throw notFound("Project not found.");
    // Same lock order as the lifecycle operations: contacts first, by id.
    await tx.$queryRaw`
      SELECT id FROM "Contact" WHERE "companyId" = ${companyId}::uuid AND id = ANY(${contactIds}::uuid[])
      ORDER BY id FOR UPDATE`;
    const removed = await tx.$queryRaw<{ contactId: string }[]>`
      UPDATE "ProjectContact"
      SET status = 'REMOVED', "removedAt" = now(), "updatedAt" = now()
      WHERE "companyId" = ${companyId}::uuid AND "projectId" = ${projectId}::uuid
        AND "contactId" = ANY(${contactIds}::uuid[]) AND status <> 'REMOVED'
      RETURNING "contactId"::text AS "contactId"`;
    const ids = removed.map((r) => r.contactId);
    if (ids.length) {
      await tx.$executeRaw`
        DELETE FROM "CrewMember" m USING "Crew" c
        WHERE m."companyId" = ${companyId}::uuid AND c."companyId" = m."companyId" AND c.id = m."crewId"
          AND c."projectId" = ${projectId}::uuid AND m."contactId" = ANY(${ids}::uuid[])`;
    }
    const done = new Set(ids);
    return {
      removed: ids,
      skipped: contactIds.filter((id) => !done.has(id)).map((id) => ({ id, reason: "not on project" as const })),
    };
  });
}
