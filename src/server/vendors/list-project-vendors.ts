import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { VendorKind, VendorStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db/transaction";
import { splitProjectVendorSort, type ProjectVendorQuery } from "@/shared/project-vendor-query";
import { vendorSearchCondition } from "./list-vendors";

/** A company whose people are on a project, with how many of them are. */
export type ProjectVendorRecord = {
  id: string;
  name: string;
  kind: VendorKind;
  trade: string | null;
  phone: string | null;
  status: VendorStatus;
  /** Its active contacts who are active members of the project. */
  memberCount: number;
};

export type ListProjectVendorsOptions = Omit<ProjectVendorQuery, "perPage"> & {
  companyId: string;
  projectId: string;
  perPage: number;
};

/**
 * The project's companies, counted from its memberships in one pass: each company (active or
 * inactive) that has at least one active contact who is an active member of the project.
 * Contacts without a company are in no row.
 */
function projectMembersByVendor(companyId: string, projectId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT c."vendorId", count(*)::int AS members
    FROM "ProjectContact" pc
    JOIN "Contact" c ON c."companyId" = pc."companyId" AND c.id = pc."contactId"
    WHERE pc."companyId" = ${companyId}::uuid AND pc."projectId" = ${projectId}::uuid AND pc.status = 'ACTIVE'
      AND c."companyId" = ${companyId}::uuid AND c.status = 'ACTIVE' AND c."vendorId" IS NOT NULL
    GROUP BY c."vendorId"`;
}

const ORDER: Record<string, string> = {
  name: "lower(v.name)",
  kind: "v.kind::text",
  trade: "lower(v.trade)",
  members: "m.members",
};

/** One page of a project's Companies tab with its search, kind filter and sort, and how many match. */
export async function listProjectVendors(
  db: Db,
  options: ListProjectVendorsOptions,
): Promise<{ rows: ProjectVendorRecord[]; total: number }> {
  const { companyId, projectId, sort, page, perPage } = options;
  const { column, desc } = splitProjectVendorSort(sort);
  const dir = desc ? "DESC" : "ASC";
  // The column comes from a closed list; the name and id break ties so pages never overlap.
  const orderBy = Prisma.raw(`${ORDER[column]} ${dir} NULLS LAST, lower(v.name) ${dir}, v.id ${dir}`);
  const from = Prisma.sql`
    FROM (${projectMembersByVendor(companyId, projectId)}) m
    JOIN "Vendor" v ON v."companyId" = ${companyId}::uuid AND v.id = m."vendorId"
    WHERE v."companyId" = ${companyId}::uuid ${vendorSearchCondition(options)}`;
  // The match count rides along with the page (one pass over the memberships); only a page past the end counts again.
  const rows = await db.$queryRaw<(ProjectVendorRecord & { total: number })[]>`
    SELECT v.id::text AS id, v.name, v.kind::text AS kind, v.trade, v.phone, v.status::text AS status,
           m.members AS "memberCount", (count(*) OVER ())::int AS total
    ${from}
    ORDER BY ${orderBy}
    LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`;
  if (rows.length === 0 && page > 1) {
    const [count] = await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from}`;
    return { rows: [], total: count!.total };
  }
  return {
    rows: rows.map((row) => {
      const record: Partial<typeof row> = { ...row };
      delete record.total;
      return record as ProjectVendorRecord;
    }),
    total: rows[0]?.total ?? 0,
  };
}

/** How many companies a project's Companies tab lists (its tab count). */
export async function countProjectVendors(db: Db, { companyId, projectId }: { companyId: string; projectId: string }) {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT c."vendorId")::int AS n
    FROM "ProjectContact" pc
    JOIN "Contact" c ON c."companyId" = pc."companyId" AND c.id = pc."contactId"
    WHERE pc."companyId" = ${companyId}::uuid AND pc."projectId" = ${projectId}::uuid AND pc.status = 'ACTIVE'
      AND c."companyId" = ${companyId}::uuid AND c.status = 'ACTIVE' AND c."vendorId" IS NOT NULL`;
  return row!.n;
}
