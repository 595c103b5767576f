import "server-only";
import type { Db } from "@/server/db/transaction";

export type VendorPerson = { id: string; firstName: string; lastName: string; jobTitle: string | null; status: string };

/** A company's contacts for its page: the first `limit` by name (active, or inactive too), and how many in all. */
export async function listVendorPeople(
  db: Db,
  {
    companyId,
    vendorId,
    includeInactive,
    limit = 25,
  }: { companyId: string; vendorId: string; includeInactive: boolean; limit?: number },
): Promise<{ people: VendorPerson[]; total: number }> {
  const statuses = includeInactive ? ["ACTIVE", "INACTIVE"] : ["ACTIVE"];
  const where = { companyId, vendorId, status: { in: statuses as ("ACTIVE" | "INACTIVE")[] } };
  const [people, total] = await Promise.all([
    db.contact.findMany({
      where,
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      take: limit,
      select: { id: true, firstName: true, lastName: true, jobTitle: true, status: true },
    }),
    db.contact.count({ where }),
  ]);
  return { people, total };
}

/**
 * The projects a company's active people are on, those with the most of them first, at
 * most `limit` (a subcontractor can be on every one of a company's 1,500 projects), and
 * how many projects in all.
 */
export async function listVendorProjects(
  db: Db,
  { companyId, vendorId, limit = 20 }: { companyId: string; vendorId: string; limit?: number },
): Promise<{ projects: { id: string; name: string; people: number }[]; total: number }> {
  const rows = await db.$queryRaw<{ id: string; name: string; people: number; total: number }[]>`
    SELECT p.id::text AS id, p.name, count(*)::int AS people, (count(*) OVER ())::int AS total
    FROM "Contact" c
    JOIN "ProjectContact" pc ON pc."companyId" = c."companyId" AND pc."contactId" = c.id AND pc.status = 'ACTIVE'
    JOIN "Project" p ON p."companyId" = pc."companyId" AND p.id = pc."projectId"
    WHERE c."companyId" = ${companyId}::uuid AND c."vendorId" = ${vendorId}::uuid AND c.status = 'ACTIVE'
    GROUP BY p.id, p.name ORDER BY people DESC, p.name, p.id
    LIMIT ${limit}`;
  return { projects: rows.map((p) => ({ id: p.id, name: p.name, people: p.people })), total: rows[0]?.total ?? 0 };
}
