import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { addContactsToProject } from "@/server/projects/add-contacts-to-project";
import { inTransaction, type Db } from "@/server/db/transaction";
import { notFound } from "@/server/errors";
import type { ChangedBy } from "@/server/history/changed-by";

export type AddCrewMembersOptions = {
  companyId: string;
  crewId: string;
  contactIds: string[];
  /**
   * Whether the user may add people to the project's directory (project Admin). Without
   * it a crew takes only people already on the directory: a crew is no back door onto a
   * project, nor back onto one an Admin removed someone from.
   */
  addToProject: boolean;
  by?: ChangedBy;
};

type Skipped = { id: string; reason: "inactive" | "not found" | "not on project" };

/**
 * Puts active contacts on a crew, and on its project's directory if they are not there
 * yet and the user may add them, in one transaction. Inactive contacts are refused:
 * nobody assigns work to them.
 */
export function addCrewMembers(db: Db, { companyId, crewId, contactIds, addToProject, by }: AddCrewMembersOptions) {
  return inTransaction(db, async (tx) => {
    const crew = await tx.crew.findUnique({
      where: { companyId_id: { companyId, id: crewId } },
      select: { projectId: true },
    });
    if (!crew) throw notFound("Crew not found.");
    const onProject = addToProject
      ? await addContactsToProject(tx, { companyId, projectId: crew.projectId, contactIds, by })
      : { skipped: await notOnDirectory(tx, companyId, crew.projectId, contactIds) };
    const refused = new Set(onProject.skipped.filter((s) => s.reason !== "already on project").map((s) => s.id));
    const joining = contactIds.filter((id) => !refused.has(id));
    const { count } = await tx.crewMember.createMany({
      data: joining.map((contactId) => ({ companyId, crewId, contactId })),
      skipDuplicates: true,
    });
    return {
      added: count,
      skipped: onProject.skipped.filter((s): s is Skipped => refused.has(s.id)),
    };
  });
}

/** The ids that are not active on the project's directory, as skipped. */
async function notOnDirectory(
  tx: Prisma.TransactionClient,
  companyId: string,
  projectId: string,
  contactIds: string[],
): Promise<Skipped[]> {
  const members = await tx.projectContact.findMany({
    where: { companyId, projectId, contactId: { in: contactIds }, status: "ACTIVE" },
    select: { contactId: true },
  });
  const on = new Set(members.map((m) => m.contactId));
  return contactIds.filter((id) => !on.has(id)).map((id) => ({ id, reason: "not on project" }));
}
