import "server-only";
import type { Db } from "@/server/db/transaction";
import type { ChangedBy } from "@/server/history/changed-by";
import { changeContactStatus, type ContactStatusChange } from "./change-contact-status";

export type ReactivateContactsOptions = { companyId: string; contactIds: string[]; by?: ChangedBy };

/**
 * Moves inactive contacts back to the Contacts tab of the company directory and of
 * every project directory they were on when inactivated — not to projects they had
 * been removed from. Active and unknown ids are skipped and reported.
 */
export function reactivateContacts(
  db: Db,
  { companyId, contactIds, by }: ReactivateContactsOptions,
): Promise<ContactStatusChange> {
  return changeContactStatus(db, { companyId, contactIds, by, to: "ACTIVE" });
}
