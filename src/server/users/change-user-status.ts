import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { UserStatus } from "@/generated/prisma/enums";
import { inTransaction, type Db } from "@/server/db/transaction";
import { conflict, notFound } from "@/server/errors";
import type { ChangedBy } from "@/server/history/changed-by";
import { openBatch } from "@/server/history/open-batch";
import { lockUsers } from "./lock-users";
import { LAST_ADMIN } from "./set-directory-permission";

/** At most this many users in one bulk change. */
export const MAX_BULK_USERS = 1000;

export const CANNOT_INACTIVATE_SELF = "You cannot inactivate yourself. Ask another admin to do it.";
export const LAST_ADMIN_INACTIVATE =
  "A company needs at least one active Directory Admin: make someone else Admin before inactivating the last one.";

export type ChangeUserStatusOptions = {
  companyId: string;
  userIds: readonly string[];
  to: "INACTIVE" | "ACTIVE";
  by: ChangedBy & { actorId: string };
};

export type ChangeUserStatusResult = {
  changed: string[];
  /** The users left as they were, with the status that kept them (already there, or only invited). */
  unchanged: { id: string; status: UserStatus }[];
  batchId: string | null;
};

/**
 * Inactivates or reactivates users of one company, set-based, in one transaction. An
 * inactive user cannot open the company (every request loads them as an actor, and is
 * refused), while their Directory levels and project levels stay as they were, so a
 * reactivation restores exactly what they had. Nobody inactivates themselves, and the last
 * active Admin stays. Users already in the asked status (or only invited) are left as they are.
 */
export function changeUserStatus(db: Db, { companyId, userIds, to, by }: ChangeUserStatusOptions) {
  const ids = [...new Set(userIds)];
  return inTransaction(db, async (tx): Promise<ChangeUserStatusResult> => {
    if (to === "INACTIVE" && ids.includes(by.actorId)) throw conflict(CANNOT_INACTIVATE_SELF);
    await lockUsers(tx, companyId, ids);
    const members = await tx.companyMember.findMany({
      where: { companyId, userId: { in: ids } },
      select: { userId: true, status: true },
    });
    if (members.length !== ids.length) {
      const missing = ids.length - members.length;
      throw notFound(
        `${missing} of these users ${missing === 1 ? "is" : "are"} not in this company. Reload and try again.`,
      );
    }
    if (to === "INACTIVE") await keepAnAdmin(tx, companyId, ids);
    const from = to === "INACTIVE" ? "ACTIVE" : "INACTIVE";
    const changed = await tx.$queryRaw<{ userId: string }[]>`
      UPDATE "CompanyMember"
      SET status = ${to}::"UserStatus",
          "inactivatedAt" = ${to === "INACTIVE" ? new Date() : null}::timestamptz,
          "updatedAt" = clock_timestamp()
      WHERE "companyId" = ${companyId}::uuid AND "userId" = ANY(${ids}::uuid[]) AND status = ${from}::"UserStatus"
      RETURNING "userId"::text AS "userId"`;
    const changedIds = changed.map((c) => c.userId);
    const unchanged = members
      .filter((m) => !changedIds.includes(m.userId))
      .map((m) => ({ id: m.userId, status: m.status }));
    if (changedIds.length === 0) return { changed: [], unchanged, batchId: null };
    const batchId = await openBatch(tx, companyId, to === "INACTIVE" ? "users.inactivate" : "users.reactivate", by);
    const action = to === "INACTIVE" ? "user.inactivated" : "user.reactivated";
    await tx.$executeRaw`
      INSERT INTO "UserEvent" ("companyId", "userId", "batchId", action, changes)
      SELECT ${companyId}::uuid, u, ${batchId}::uuid, ${action},
             jsonb_build_object('status', jsonb_build_object('from', ${from}::text, 'to', ${to}::text))
      FROM unnest(${changedIds}::uuid[]) AS u`;
    return { changed: changedIds, unchanged, batchId };
  });
}

async function keepAnAdmin(tx: Prisma.TransactionClient, companyId: string, leaving: string[]) {
  const remaining = await tx.companyMember.count({
    where: { companyId, status: "ACTIVE", directoryLevel: "ADMIN", userId: { notIn: leaving } },
  });
  if (remaining === 0) throw conflict(LAST_ADMIN_INACTIVATE);
}

export { LAST_ADMIN };
