import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { PermissionLevel } from "@/generated/prisma/enums";
import { inTransaction, type Db } from "@/server/db/transaction";
import { conflict, notFound } from "@/server/errors";
import type { ChangedBy } from "@/server/history/changed-by";
import { openBatch } from "@/server/history/open-batch";
import { lockUsers } from "./lock-users";
import { recordUserEvents } from "./record-user-events";

export const LAST_ADMIN = "A company needs at least one Directory Admin: make someone else Admin first.";

export type SetDirectoryPermissionOptions = {
  companyId: string;
  userId: string;
  /** Without a project: the company Directory level. */
  projectId?: string;
  /** On a project, null removes the project's own level (the company level applies again). */
  level: PermissionLevel | null;
  /** The admin making the change (they cannot take their own Admin away), as the history names them. */
  by: ChangedBy & { actorId: string };
};

/**
 * Sets a user's company or project Directory level, recorded in the history. The company's
 * level changes queue behind each other (lockUsers), so "is another active Admin left?" is
 * answered after any concurrent demotion committed: two admins demoting each other at once
 * cannot both succeed.
 */
export function setDirectoryPermission(db: Db, options: SetDirectoryPermissionOptions) {
  const { companyId, userId, projectId, level, by } = options;
  return inTransaction(db, async (tx) => {
    await lockUsers(tx, companyId, [userId]);
    const member = await tx.companyMember.findUnique({
      where: { companyId_userId: { companyId, userId } },
      select: { id: true, directoryLevel: true },
    });
    if (!member) throw notFound("User not found in this company.");
    if (!projectId) {
      if (!level) throw conflict("A company level is required.");
      // Someone must always be able to manage the company's users.
      if (userId === by.actorId && level !== "ADMIN") {
        throw conflict("You cannot remove your own Admin level. Ask another admin to change it.");
      }
      if (level !== "ADMIN") {
        const otherAdmins = await tx.companyMember.count({
          where: { companyId, status: "ACTIVE", directoryLevel: "ADMIN", userId: { not: userId } },
        });
        if (otherAdmins === 0) throw conflict(LAST_ADMIN);
      }
      if (member.directoryLevel === level) return;
      await tx.companyMember.updateMany({ where: { companyId, userId }, data: { directoryLevel: level } });
      await recordLevelChange(tx, companyId, by, userId, null, member.directoryLevel, level);
      return;
    }
    const project = await tx.project.findUnique({
      where: { companyId_id: { companyId, id: projectId } },
      select: { id: true },
    });
    if (!project) throw notFound("Project not found.");
    const current = await tx.projectPermission.findUnique({
      where: { companyId_projectId_userId: { companyId, projectId, userId } },
      select: { level: true },
    });
    if ((current?.level ?? null) === level) return;
    if (level === null) {
      await tx.projectPermission.deleteMany({ where: { companyId, projectId, userId } });
    } else {
      await tx.projectPermission.upsert({
        where: { companyId_projectId_userId: { companyId, projectId, userId } },
        create: { companyId, projectId, userId, level },
        update: { level },
      });
    }
    await recordLevelChange(tx, companyId, by, userId, projectId, current?.level ?? null, level);
  });
}

async function recordLevelChange(
  tx: Prisma.TransactionClient,
  companyId: string,
  by: ChangedBy,
  userId: string,
  projectId: string | null,
  from: PermissionLevel | null,
  to: PermissionLevel | null,
) {
  const batchId = await openBatch(tx, companyId, "user.change_level", by, projectId ? { projectId } : {});
  await recordUserEvents(tx, companyId, batchId, "user.level_changed", [
    { userId, changes: { projectId, level: { from, to } } },
  ]);
}
