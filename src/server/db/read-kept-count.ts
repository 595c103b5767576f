import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { inTransaction, type Db } from "./transaction";

export type KeptCount<T extends Record<string, number>> = {
  /** The table of last counts: "companyId" (its key), the columns, "computedAt". */
  countTable: string;
  /** The table triggers add a row to, per statement that may change the count. */
  changeTable: string;
  columns: readonly (keyof T & string)[];
  /** Counts afresh. */
  count: (tx: Prisma.TransactionClient) => Promise<T>;
};

/**
 * A per-company count too costly to take on every page view (grouping or counting a whole
 * company's contacts), kept in a table and counted again only after a change: triggers add
 * a row to the change table for every statement that may change it.
 *
 * After a change the first reader counts again; other readers of the same company meanwhile
 * get the previous count rather than counting too (one count at a time, an advisory lock),
 * so what they see may lag a change by one count's time. Never for longer: the count deletes
 * the change rows it can see and then counts in a later statement, so it sees every change
 * whose row it deleted; a change still uncommitted keeps its row, and the next reader counts
 * again. Nothing is kept in process memory: every app process reads the same rows.
 */
export async function readKeptCount<T extends Record<string, number>>(
  db: Db,
  companyId: string,
  spec: KeptCount<T>,
): Promise<T> {
  const stored = await readStored(db, companyId, spec);
  if (stored.kept && !stored.changed) return stored.kept;
  const counted = await inTransaction(db, async (tx) => {
    const key = keptCountLockKey(spec.countTable, companyId);
    if (!stored.kept) {
      // Nothing to show yet: wait for a count in progress, and use it if it is still current.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
      const now = await readStored(tx, companyId, spec);
      if (now.kept && !now.changed) return now.kept;
    } else {
      const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`
        SELECT pg_try_advisory_xact_lock(hashtext(${key})) AS locked`;
      if (!locked) return null;
    }
    await tx.$executeRaw`DELETE FROM ${Prisma.raw(`"${spec.changeTable}"`)} WHERE "companyId" = ${companyId}::uuid`;
    const fresh = await spec.count(tx);
    const columns = spec.columns.map((c) => Prisma.raw(`"${c}"`));
    await tx.$executeRaw`
      INSERT INTO ${Prisma.raw(`"${spec.countTable}"`)} ("companyId", ${Prisma.join(columns)})
      VALUES (${companyId}::uuid, ${Prisma.join(spec.columns.map((c) => fresh[c]))})
      ON CONFLICT ("companyId") DO UPDATE SET ${Prisma.join(
        spec.columns.map((c) => Prisma.raw(`"${c}" = EXCLUDED."${c}"`)),
      )}, "computedAt" = clock_timestamp()`;
    return fresh;
  });
  return counted ?? stored.kept!;
}

/** The advisory lock (hashed) that one count of a company's kept count holds. */
export function keptCountLockKey(countTable: string, companyId: string): string {
  return `rollcall.kept-count:${countTable}:${companyId}`;
}

async function readStored<T extends Record<string, number>>(
  db: Db,
  companyId: string,
  spec: KeptCount<T>,
): Promise<{ kept: T | null; changed: boolean }> {
  const columns = Prisma.join(spec.columns.map((c) => Prisma.raw(`'${c}', k."${c}"`)));
  const [row] = await db.$queryRaw<[{ kept: T | null; changed: boolean }]>`
    SELECT (SELECT json_build_object(${columns}) FROM ${Prisma.raw(`"${spec.countTable}"`)} k
             WHERE k."companyId" = ${companyId}::uuid) AS kept,
           EXISTS (SELECT 1 FROM ${Prisma.raw(`"${spec.changeTable}"`)} WHERE "companyId" = ${companyId}::uuid) AS changed`;
  return row;
}
