import "server-only";
import { readKeptCount } from "@/server/db/read-kept-count";
import type { Db } from "@/server/db/transaction";
import { countDuplicateGroups } from "./find-duplicate-groups";

/**
 * How many groups of probable duplicates the company has: the Contacts tab's
 * "Duplicates (N)" link. Grouping a large company takes PostgreSQL 0.4–2 s, too much for
 * every view of the tab, so the last count is kept (DuplicateGroupCount) and counted again
 * only after a change: triggers on Contact and ContactDuplicateDismissal leave a
 * DuplicateGroupChange row per statement that changed the company's contacts or dismissals.
 * While one reader counts again (the link streams in behind Suspense; the page does not wait),
 * others are shown the previous number: it may lag a change by one count's time (seconds at
 * 100,000 contacts). The Duplicates page itself always groups afresh (findDuplicateGroups).
 */
export async function readDuplicateGroupCount(db: Db, companyId: string): Promise<number> {
  const { total } = await readKeptCount(db, companyId, {
    countTable: "DuplicateGroupCount",
    changeTable: "DuplicateGroupChange",
    columns: ["total"],
    count: async (tx) => ({ total: await countDuplicateGroups(tx, { companyId }) }),
  });
  return total;
}
