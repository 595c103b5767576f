import "server-only";
import type { Db } from "@/server/db/transaction";

/** The names of these projects of a company, by id: for history entries, which keep ids. */
export async function projectNames(db: Db, companyId: string, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const projects = await db.project.findMany({
    where: { companyId, id: { in: unique } },
    select: { id: true, name: true },
  });
  return new Map(projects.map((p) => [p.id, p.name]));
}
