import "server-only";
import type { ContactStatus } from "@/generated/prisma/enums";
import { inTransaction, type Db } from "@/server/db/transaction";
import { SYSTEM, type ChangedBy } from "@/server/history/changed-by";
import { openBatch } from "@/server/history/open-batch";
import { flipContactStatus, type StatusFlipEvent } from "./flip-contact-status";
import { lockContacts, type LockedContact } from "./lock-contacts";

export type SkipReason = "already active" | "already inactive" | "not found" | "merged";

export type ContactStatusChange = {
  /** The change's record in the history (null when nothing changed): what Undo takes back. */
  batchId: string | null;
  /** Ids of the contacts whose status changed, in id order. */
  changed: string[];
  skipped: { id: string; reason: SkipReason }[];
  /** The project directories the changed contacts left or returned to. */
  projectIds: string[];
  membershipsChanged: number;
};

export type ChangeContactStatusOptions = {
  companyId: string;
  /** Parsed ids: lower-case UUIDs without duplicates (see contactIdsSchema). */
  contactIds: string[];
  to: ContactStatus;
  /** Recorded in the history with the change; the system when absent. */
  by?: ChangedBy;
};

/**
 * Inactivates or reactivates contacts and their project memberships in one transaction,
 * with a fixed number of set-based statements however many ids.
 *
 * The contacts are locked first (lockContacts), and the status check reads what the lock
 * read, so a contact changed by someone else meanwhile is skipped rather than flipped
 * twice. The history is written by the same statements: one batch row, and one event per
 * changed contact (with the project directories it left or returned to).
 */
export async function changeContactStatus(
  db: Db,
  { companyId, contactIds, to, by = SYSTEM }: ChangeContactStatusOptions,
): Promise<ContactStatusChange> {
  const from: ContactStatus = to === "ACTIVE" ? "INACTIVE" : "ACTIVE";
  return inTransaction(db, async (tx) => {
    const found = await lockContacts(tx, companyId, contactIds);
    const changed = found.filter((c) => c.status === from).map((c) => c.id);
    const skipped = skippedContacts(contactIds, found, to);
    if (changed.length === 0) {
      return { batchId: null, changed, skipped, projectIds: [], membershipsChanged: 0 };
    }
    const batchId = await openBatch(tx, companyId, to === "ACTIVE" ? "contacts.reactivate" : "contacts.inactivate", by);
    const event: StatusFlipEvent =
      to === "ACTIVE"
        ? { action: "contact.reactivated", changes: { status: { from: "INACTIVE", to: "ACTIVE" } } }
        : { action: "contact.inactivated", changes: { status: { from: "ACTIVE", to: "INACTIVE" } } };
    const flipped = await flipContactStatus(tx, { companyId, contactIds: changed, to, batchId, event });
    return { batchId, changed, skipped, ...flipped };
  });
}

function skippedContacts(
  requested: string[],
  found: LockedContact[],
  to: ContactStatus,
): ContactStatusChange["skipped"] {
  const status = new Map(found.map((c) => [c.id, c.status]));
  const already: SkipReason = to === "ACTIVE" ? "already active" : "already inactive";
  return requested.flatMap((id): ContactStatusChange["skipped"] => {
    const current = status.get(id);
    // A contact whose import was undone is kept for its history only.
    if (current === undefined || current === "DISCARDED") return [{ id, reason: "not found" }];
    // Merged into another contact: that one is the contact to change.
    if (current === "MERGED") return [{ id, reason: "merged" }];
    return current === to ? [{ id, reason: already }] : [];
  });
}
