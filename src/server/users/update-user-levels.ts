import "server-only";
import type { PermissionLevel } from "@/generated/prisma/enums";
import { inTransaction, type Db } from "@/server/db/transaction";
import type { ChangedBy } from "@/server/history/changed-by";
import { setDirectoryPermission } from "./set-directory-permission";

export type UpdateUserLevelsOptions = {
  companyId: string;
  userId: string;
  /** The company Directory level. */
  level?: PermissionLevel;
  /** Levels on single projects; null removes the project's own level. */
  projectLevels?: { projectId: string; level: PermissionLevel | null }[];
  by: ChangedBy & { actorId: string };
};

/** Several level changes of one user, all or nothing, each recorded as setDirectoryPermission records it. */
export function updateUserLevels(
  db: Db,
  { companyId, userId, level, projectLevels = [], by }: UpdateUserLevelsOptions,
) {
  return inTransaction(db, async (tx) => {
    if (level) await setDirectoryPermission(tx, { companyId, userId, level, by });
    for (const grant of projectLevels) {
      await setDirectoryPermission(tx, { companyId, userId, projectId: grant.projectId, level: grant.level, by });
    }
  });
}
