import "server-only";
import { inTransaction, type Db } from "@/server/db/transaction";
import { countDuplicateGroups } from "./find-duplicate-groups";

type Stored = { total: number | null; changed: boolean };

/**
 * How many groups of probable duplicates the company has: the Contacts tab's
 * "Duplicates (N)" link. Grouping a large company takes PostgreSQL 0.4–2 s, too much for
 * every view of the tab, so the last count is kept (DuplicateGroupCount) and counted again
 * only after a change: triggers on Contact and ContactDuplicateDismissal leave a
 * DuplicateGroupChange row per statement that changed the company's contacts or dismissals.
 *
 * After a change the first reader counts again (the link streams in behind Suspense, the
 * rest of the page does not wait) while other readers of the same company are given the
 * previous count instead of counting too (one count at a time, an advisory lock): the
 * number may lag a change by one count's time (seconds at 100,000 contacts). The Duplicates
 * page itself always groups afresh (findDuplicateGroups).
 *
 * Why it is never wrong for longer: the count deletes the change rows it can see and then
 * counts in a later statement, so it sees every change whose row it deleted; a change still
 * uncommitted keeps its row, and the next reader counts again.
 */
export async function readDuplicateGroupCount(db: Db, companyId: string): Promise<number> {
  const stored = await readStored(db, companyId);
  if (stored.total !== null && !stored.changed) return stored.total;
  const counted = await inTransaction(db, async (tx) => {
    const key = `rollcall.duplicate-group-count:${companyId}`;
    if (stored.total === null) {
      // Nothing to show yet: wait for a count in progress, and use it if it is still current.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
      const now = await readStored(tx, companyId);
      if (now.total !== null && !now.changed) return now.total;
    } else {
      const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`
        SELECT pg_try_advisory_xact_lock(hashtext(${key})) AS locked`;
      if (!locked) return null;
    }
    await tx.$executeRaw`DELETE FROM "DuplicateGroupChange" WHERE "companyId" = ${companyId}::uuid`;
    const total = await countDuplicateGroups(tx, { companyId });
    await tx.$executeRaw`
      INSERT INTO "DuplicateGroupCount" ("companyId", total) VALUES (${companyId}::uuid, ${total})
      ON CONFLICT ("companyId") DO UPDATE SET total = EXCLUDED.total, "computedAt" = clock_timestamp()`;
    return total;
  });
  return counted ?? stored.total ?? 0;
}

async function readStored(db: Db, companyId: string): Promise<Stored> {
  const [row] = await db.$queryRaw<[Stored]>`
    SELECT (SELECT total FROM "DuplicateGroupCount" WHERE "companyId" = ${companyId}::uuid) AS total,
           EXISTS (SELECT 1 FROM "DuplicateGroupChange" WHERE "companyId" = ${companyId}::uuid) AS changed`;
  return row;
}
