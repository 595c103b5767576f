import "server-only";
import type { Db } from "@/server/db/transaction";

/** The company's users with their Directory level, and their levels set on single projects. */
export async function listCompanyUsers(db: Db, companyId: string) {
  const members = await db.companyMember.findMany({
    where: { companyId },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    select: {
      directoryLevel: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          projectGrants: { where: { companyId }, select: { projectId: true, level: true } },
        },
      },
    },
  });
  return members.map(({ directoryLevel, user: { projectGrants, ...user } }) => ({
    ...user,
    companyLevel: directoryLevel,
    projectLevels: Object.fromEntries(projectGrants.map((g) => [g.projectId, g.level])),
  }));
}
export type CompanyUser = Awaited<ReturnType<typeof listCompanyUsers>>[number];
