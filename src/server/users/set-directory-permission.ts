import "server-only";
import type { PermissionLevel } from "@/generated/prisma/enums";
import { inTransaction, type Db } from "@/server/db/transaction";
import { conflict, notFound } from "@/server/errors";
import { lockCompanyLevels } from "./lock-company-levels";

export const LAST_ADMIN = "A company needs at least one Directory Admin: make someone else Admin first.";

export type SetDirectoryPermissionOptions = {
  companyId: string;
  userId: string;
  /** Without a project: the company Directory level. */
  projectId?: string;
  /** On a project, null removes the project's own level (the company level applies again). */
  level: PermissionLevel | null;
  /** The admin making the change: they cannot take their own Admin away. */
  actorUserId: string;
};

export function setDirectoryPermission(db: Db, options: SetDirectoryPermissionOptions) {
  const { companyId, userId, projectId, level, actorUserId } = options;
  return inTransaction(db, async (tx) => {
    const member = await tx.companyMember.findUnique({
      where: { companyId_userId: { companyId, userId } },
      select: { id: true },
    });
    if (!member) throw notFound("User not found in this company.");
    if (!projectId) {
      if (!level) throw conflict("A company level is required.");
      // Someone must always be able to manage the company's users.
      if (userId === actorUserId && level !== "ADMIN") {
        throw conflict("You cannot remove your own Admin level. Ask another admin to change it.");
      }
      await lockCompanyLevels(tx, companyId);
      if (level !== "ADMIN") {
        const otherAdmins = await tx.companyMember.count({
          where: { companyId, directoryLevel: "ADMIN", userId: { not: userId } },
        });
        if (otherAdmins === 0) throw conflict(LAST_ADMIN);
      }
      await tx.companyMember.update({
        where: { companyId_id: { companyId, id: member.id } },
        data: { directoryLevel: level },
      });
      return;
    }
    const project = await tx.project.findUnique({
      where: { companyId_id: { companyId, id: projectId } },
      select: { id: true },
    });
    if (!project) throw notFound("Project not found.");
    if (level === null) {
      await tx.projectPermission.deleteMany({ where: { companyId, projectId, userId } });
      return;
    }
    await tx.projectPermission.upsert({
      where: { companyId_projectId_userId: { companyId, projectId, userId } },
      create: { companyId, projectId, userId, level },
      update: { level },
    });
  });
}
