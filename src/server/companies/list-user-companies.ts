import "server-only";
import type { Db } from "@/server/db/transaction";

/** The companies a user is a member of, oldest first. */
export function listUserCompanies(db: Db, userId: string) {
  return db.company.findMany({
    where: { members: { some: { userId } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
