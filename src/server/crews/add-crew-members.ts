import "server-only";
import { addContactsToProject } from "@/server/projects/add-contacts-to-project";
import { inTransaction, type Db } from "@/server/db/transaction";
import { notFound } from "@/server/errors";
import type { ChangedBy } from "@/server/history/changed-by";

export type AddCrewMembersOptions = { companyId: string; crewId: string; contactIds: string[]; by?: ChangedBy };

/**
 * Puts active contacts on a crew, and on its project's directory if they are not there
 * yet, in one transaction. Inactive contacts are refused: nobody assigns work to them.
 */
export function addCrewMembers(db: Db, { companyId, crewId, contactIds, by }: AddCrewMembersOptions) {
  return inTransaction(db, async (tx) => {
    const crew = await tx.crew.findUnique({ where: { companyId_id: { companyId, id: crewId } }, select: { projectId: true } });
    if (!crew) throw notFound("Crew not found.");
    const onProject = await addContactsToProject(tx, { companyId, projectId: crew.projectId, contactIds, by });
    const refused = new Set(onProject.skipped.filter((s) => s.reason !== "already on project").map((s) => s.id));
    const joining = contactIds.filter((id) => !refused.has(id));
    const { count } = await tx.crewMember.createMany({
      data: joining.map((contactId) => ({ companyId, crewId, contactId })),
      skipDuplicates: true,
    });
    return {
      added: count,
      skipped: onProject.skipped.filter((s) => refused.has(s.id)),
    };
  });
}
