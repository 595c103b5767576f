import "server-only";
import type { PermissionLevel } from "@/generated/prisma/enums";
import type { Db } from "@/server/db/transaction";

/** Who is acting, in one company, and their Directory levels there. */
export type Actor = {
  userId: string;
  name: string;
  companyId: string;
  companyLevel: PermissionLevel;
  /** Levels set on single projects; other projects follow the company level. */
  projectLevels: ReadonlyMap<string, PermissionLevel>;
};

/**
 * The user as a member of this company, whatever their level (None included: they are
 * refused, not told the company does not exist), or null when they are not an active one
 * (invited and not yet joined, or inactivated): to them the company does not exist. Every
 * request asks here, so an inactivated user's open session and API tokens stop working
 * on their next request.
 */
export async function loadActor(
  db: Db,
  { userId, companyId }: { userId: string; companyId: string },
): Promise<Actor | null> {
  const member = await db.companyMember.findUnique({
    where: { companyId_userId: { companyId, userId } },
    select: { directoryLevel: true, status: true, user: { select: { name: true } } },
  });
  if (!member || member.status !== "ACTIVE") return null;
  return {
    userId,
    name: member.user.name,
    companyId,
    companyLevel: member.directoryLevel,
    projectLevels: await projectGrants(db, companyId, userId),
  };
}

async function projectGrants(db: Db, companyId: string, userId: string) {
  const grants = await db.projectPermission.findMany({
    where: { companyId, userId },
    select: { projectId: true, level: true },
  });
  return new Map(grants.map((g) => [g.projectId, g.level]));
}
