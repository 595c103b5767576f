import "server-only";
import type { Db } from "@/server/db/transaction";

/** The companies a user is an active member of (not invited, not inactivated), oldest first. */
export function listUserCompanies(db: Db, userId: string) {
  return db.company.findMany({
    where: { members: { some: { userId, status: "ACTIVE" } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
