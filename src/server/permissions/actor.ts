import "server-only";
import type { UserStatus, PermissionLevel } from "@/generated/prisma/enums";
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
export async function loadActor(db: Db, who: { userId: string; companyId: string }): Promise<Actor | null> {
  return (await loadMembership(db, who))?.actor ?? null;
}

export type Membership = {
  /** Null unless the member is active. */
  actor: Actor | null;
  status: UserStatus;
  company: { id: string; name: string };
};

/**
 * The user's membership of this company, the company's name and the user's project
 * grants, in one statement: every request of a signed-in page and every API call asks
 * here (it was five statements: member, user, grants, company, and the API's own status
 * check). Null when the user is no member of this company, or the company does not exist.
 */
export async function loadMembership(
  db: Db,
  { userId, companyId }: { userId: string; companyId: string },
): Promise<Membership | null> {
  const [row] = await db.$queryRaw<
    {
      status: UserStatus;
      directoryLevel: PermissionLevel;
      userName: string;
      companyName: string;
      grants: [string, PermissionLevel][];
    }[]
  >`
    SELECT m.status::text AS status, m."directoryLevel"::text AS "directoryLevel", u.name AS "userName",
           c.name AS "companyName",
           COALESCE((SELECT json_agg(json_build_array(g."projectId", g.level))
                       FROM "ProjectPermission" g
                      WHERE g."companyId" = ${companyId}::uuid AND g."userId" = ${userId}::uuid), '[]'::json) AS grants
      FROM "CompanyMember" m
      JOIN "User" u ON u.id = m."userId"
      JOIN "Company" c ON c.id = ${companyId}::uuid
     WHERE m."companyId" = ${companyId}::uuid AND m."userId" = ${userId}::uuid`;
  if (!row) return null;
  return {
    status: row.status,
    company: { id: companyId, name: row.companyName },
    actor:
      row.status === "ACTIVE"
        ? {
            userId,
            name: row.userName,
            companyId,
            companyLevel: row.directoryLevel,
            projectLevels: new Map(row.grants),
          }
        : null,
  };
}
