import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/transaction";
import { splitVendorSort, type VendorFilters, type VendorSortValue } from "@/shared/vendor-query";
import type { VendorRecord } from "./vendor-select";

export type ListVendorsOptions = VendorFilters & {
  companyId: string;
  sort: VendorSortValue;
  page: number;
  perPage: number;
};

/** What ILIKE treats as wildcards, matched literally: a search word is plain text. */
function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A companies search and kind filter on the alias `v`, each part prefixed with AND (empty when there is neither). */
export function vendorSearchCondition({ q, kind }: Pick<VendorFilters, "q" | "kind">): Prisma.Sql {
  const terms = [...new Set(q.split(/\s+/).filter(Boolean))].map((t) => `%${likeLiteral(t)}%`);
  const words = terms.map(
    (term) => Prisma.sql`AND (v.name ILIKE ${term} OR v.trade ILIKE ${term} OR v.phone ILIKE ${term}
      OR v.email ILIKE ${term} OR v."licenseNumber" ILIKE ${term})`,
  );
  return Prisma.sql`${kind ? Prisma.sql`AND v.kind = ${kind}::"VendorKind"` : Prisma.empty}
    ${words.length ? Prisma.join(words, " ") : Prisma.empty}`;
}

/** The condition a Companies tab lists with, and "select all matching" resolves: one SQL fragment. */
export function vendorsCondition(companyId: string, { status, ...filters }: VendorFilters): Prisma.Sql {
  return Prisma.sql`v."companyId" = ${companyId}::uuid AND v.status = ${status}::"VendorStatus"
    ${vendorSearchCondition(filters)}`;
}

const ORDER: Record<string, string> = {
  name: "lower(v.name)",
  kind: "v.kind::text",
  trade: "lower(v.trade)",
  contacts: `"contactCount"`,
  projects: `"projectCount"`,
};

/**
 * One page of a Companies tab with its search, kind filter and sort, and how many match.
 * Each row carries its active contacts and the projects they are on: counted for the page's
 * rows only, except when the tab is sorted by a count.
 */
export async function listVendors(
  db: Db,
  options: ListVendorsOptions,
): Promise<{ rows: VendorRecord[]; total: number }> {
  const { companyId, sort, page, perPage } = options;
  const where = vendorsCondition(companyId, options);
  const { column, desc } = splitVendorSort(sort);
  const dir = desc ? "DESC" : "ASC";
  // The column comes from a closed list; the name and id break ties so pages never overlap.
  const orderBy = Prisma.raw(`${ORDER[column]} ${dir} NULLS LAST, lower(v.name) ${dir}, v.id ${dir}`);
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<VendorRecord[]>`
      SELECT v.id::text AS id, v.name, v.kind::text AS kind, v.trade, v.phone, v.email, v.website, v.address,
             v."licenseNumber", v.notes, v.status::text AS status, v."mergedIntoId"::text AS "mergedIntoId",
             v."createdAt", v."updatedAt", v."inactivatedAt",
             (SELECT count(*)::int FROM "Contact" c
              WHERE c."companyId" = v."companyId" AND c."vendorId" = v.id AND c.status = 'ACTIVE') AS "contactCount",
             (SELECT count(DISTINCT pc."projectId")::int FROM "Contact" c
              JOIN "ProjectContact" pc ON pc."companyId" = c."companyId" AND pc."contactId" = c.id AND pc.status = 'ACTIVE'
              WHERE c."companyId" = v."companyId" AND c."vendorId" = v.id) AS "projectCount"
      FROM "Vendor" v
      WHERE ${where}
      ORDER BY ${orderBy}
      LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Vendor" v WHERE ${where}`,
  ]);
  return { rows, total: count!.total };
}

/** How many companies each Companies tab lists. */
export async function countVendors(db: Db, companyId: string): Promise<{ active: number; inactive: number }> {
  const [row] = await db.$queryRaw<{ active: number; inactive: number }[]>`
    SELECT count(*) FILTER (WHERE status = 'ACTIVE')::int AS active, count(*) FILTER (WHERE status = 'INACTIVE')::int AS inactive
    FROM "Vendor" WHERE "companyId" = ${companyId}::uuid`;
  return row!;
}

/** Every company matching a tab's search and filters, up to `limit`, in id order: "select all matching". */
export async function selectMatchingVendorIds(
  db: Db,
  companyId: string,
  filters: VendorFilters,
  limit: number,
): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT v.id::text AS id FROM "Vendor" v WHERE ${vendorsCondition(companyId, filters)} ORDER BY v.id LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
