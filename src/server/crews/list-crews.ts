import "server-only";
import type { Db } from "@/server/db/transaction";

/** A project's crews with their workers; inactive workers stay listed, marked by their status. */
export function listCrews(db: Db, { companyId, projectId }: { companyId: string; projectId: string }) {
  return db.crew.findMany({
    where: { companyId, projectId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      members: {
        orderBy: [{ contact: { lastName: "asc" } }, { contact: { firstName: "asc" } }],
        select: {
          contact: {
            select: {
              id: true,
              firstName: true,
              lastName: true,
              jobTitle: true,
              status: true,
              vendor: { select: { name: true } },
            },
          },
        },
      },
    },
  });
}
export type CrewListItem = Awaited<ReturnType<typeof listCrews>>[number];
