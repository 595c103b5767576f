import "server-only";
import type { Db } from "@/server/db/transaction";

/** A crew of this company (with its project), or null. */
export function getCrew(db: Db, { companyId, crewId }: { companyId: string; crewId: string }) {
  return db.crew.findUnique({
    where: { companyId_id: { companyId, id: crewId } },
    select: { id: true, projectId: true },
  });
}
