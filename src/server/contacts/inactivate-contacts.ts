import "server-only";
import type { Db } from "@/server/db/transaction";
import type { ChangedBy } from "@/server/history/changed-by";
import { changeContactStatus, type ContactStatusChange } from "./change-contact-status";

export type InactivateContactsOptions = { companyId: string; contactIds: string[]; by?: ChangedBy };

/**
 * Moves active contacts to the Inactive Contacts tab of the company directory and of
 * every project directory they are on; their removed memberships stay removed.
 * Inactive and unknown ids are skipped and reported.
 */
export function inactivateContacts(
  db: Db,
  { companyId, contactIds, by }: InactivateContactsOptions,
): Promise<ContactStatusChange> {
  return changeContactStatus(db, { companyId, contactIds, by, to: "INACTIVE" });
}
