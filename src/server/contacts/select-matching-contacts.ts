import "server-only";
import type { BulkSelection } from "@/shared/bulk-selection";
import { MAX_BULK_CONTACTS, tabStatus, type ContactFilters, type DirectoryStatus } from "@/shared/directory-query";
import type { Db } from "@/server/db/transaction";
import { DomainError } from "@/server/errors";
import { contactsWhere } from "./list-contacts";

export type SelectMatchingOptions = {
  companyId: string;
  /** The status the action starts from: the tab it was chosen on. */
  status: DirectoryStatus;
  /** On a project's directory: its members only. */
  projectId?: string;
  filters: ContactFilters;
};

/**
 * The ids of every contact matching a tab's search and filters — the same condition the
 * table lists with — for "Select all N matching contacts". More than a bulk action may
 * change is refused with the count, so the user knows how far to narrow.
 */
export async function selectMatchingContacts(
  db: Db,
  { companyId, status, projectId, filters }: SelectMatchingOptions,
): Promise<string[]> {
  const where = await contactsWhere(db, { companyId, status, projectId, ...filters });
  const rows = await db.contact.findMany({
    where,
    select: { id: true },
    orderBy: { id: "asc" },
    take: MAX_BULK_CONTACTS + 1,
  });
  if (rows.length > MAX_BULK_CONTACTS) {
    const total = await db.contact.count({ where });
    throw new DomainError(
      "invalid",
      `${total.toLocaleString("en-US")} contacts match: a bulk action can change at most ${MAX_BULK_CONTACTS.toLocaleString("en-US")} at once. Narrow the search or filters, then try again.`,
    );
  }
  if (rows.length === 0)
    throw new DomainError(
      "invalid",
      "No contacts match this search any more. Reload the page to see the directory as it is now.",
    );
  return rows.map((r) => r.id);
}

export type SelectedContactIdsOptions = Omit<SelectMatchingOptions, "filters" | "status"> & {
  selection: BulkSelection;
  /** The status the change starts from; the tab's (where it was chosen) when absent. */
  status?: DirectoryStatus;
};

/** The ids a bulk change is for: those chosen, or every contact matching the tab's search and filters. */
export function selectedContactIds(
  db: Db,
  { selection, status, ...scope }: SelectedContactIdsOptions,
): Promise<string[]> {
  if ("contactIds" in selection) return Promise.resolve(selection.contactIds);
  const { tab, filters } = selection.matching;
  return selectMatchingContacts(db, { ...scope, status: status ?? tabStatus(tab), filters });
}
