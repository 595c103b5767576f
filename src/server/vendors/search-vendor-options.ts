import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/transaction";

/** A company as a picker offers it; `inactive` only for the one already chosen. */
export type VendorOption = { id: string; name: string; inactive?: boolean };

export type SearchVendorOptionsOptions = {
  /** Words the name must contain; empty: the first companies by name. */
  q?: string;
  limit?: number;
  /** Companies already chosen (a contact's own, a filter's): shown even when inactive, and marked so. */
  includeIds?: (string | null | undefined)[];
};

/**
 * What a company picker offers: active companies only, searched on the server, at most
 * `limit` of them — never the whole list of thousands. An inactive company is never
 * offered, except the one already chosen, marked inactive.
 */
export async function searchVendorOptions(
  db: Db,
  companyId: string,
  { q = "", limit = 50, includeIds = [] }: SearchVendorOptionsOptions = {},
): Promise<VendorOption[]> {
  const terms = [...new Set(q.trim().split(/\s+/).filter(Boolean))].map(
    (t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
  );
  const chosen = [...new Set(includeIds.filter((id): id is string => Boolean(id)))];
  const words = terms.map((term) => Prisma.sql`AND name ILIKE ${term}`);
  const [offered, kept] = await Promise.all([
    db.$queryRaw<{ id: string; name: string }[]>`
      SELECT id::text AS id, name FROM "Vendor"
      WHERE "companyId" = ${companyId}::uuid AND status = 'ACTIVE' ${words.length ? Prisma.join(words, " ") : Prisma.empty}
      ORDER BY lower(name), id LIMIT ${limit}`,
    chosen.length
      ? db.$queryRaw<{ id: string; name: string; status: string }[]>`
          SELECT id::text AS id, name, status::text AS status FROM "Vendor"
          WHERE "companyId" = ${companyId}::uuid AND id = ANY(${chosen}::uuid[])`
      : Promise.resolve([]),
  ]);
  const options: VendorOption[] = offered.map((v) => ({ id: v.id, name: v.name }));
  for (const v of kept) {
    if (!options.some((o) => o.id === v.id))
      options.unshift({ id: v.id, name: v.name, inactive: v.status !== "ACTIVE" });
    else if (v.status !== "ACTIVE") options.find((o) => o.id === v.id)!.inactive = true;
  }
  return options;
}
