import "server-only";
import type { UpdateContactInput } from "@/shared/contact-fields";
import { inTransaction, type Db } from "@/server/db/transaction";
import { conflict, notFound } from "@/server/errors";
import { SYSTEM, type ChangedBy } from "@/server/history/changed-by";
import { openBatch, recordEvents } from "@/server/history/open-batch";
import { assertVendorPickable } from "@/server/vendors/assert-vendor-pickable";
import { contactSelect, type ContactRecord } from "./contact-select";
import { fieldChanges, type FieldValue } from "./field-changes";
import { lockContacts } from "./lock-contacts";

export type UpdateContactOptions = { companyId: string; contactId: string; patch: UpdateContactInput; by?: ChangedBy };

/**
 * Edits the one record every directory shows; status changes go through
 * inactivate/reactivate. The history gets the fields that really changed, from → to;
 * a save that changes nothing records nothing.
 */
export function updateContact(
  db: Db,
  { companyId, contactId, patch, by = SYSTEM }: UpdateContactOptions,
): Promise<ContactRecord> {
  return inTransaction(db, async (tx) => {
    // A company first, then the contact (the lock order); keeping the company it has, even an inactive one, is fine.
    if (patch.vendorId) {
      const [current] = await tx.$queryRaw<{ vendorId: string | null }[]>`
        SELECT "vendorId"::text AS "vendorId" FROM "Contact" WHERE "companyId" = ${companyId}::uuid AND id = ${contactId}::uuid`;
      if (current?.vendorId !== patch.vendorId) await assertVendorPickable(tx, companyId, patch.vendorId);
    }
    // Locked like every writer, then read: what the edit starts from.
    const [locked] = await lockContacts(tx, companyId, [contactId]);
    // A contact merged away (perhaps while this edit waited for its lock) is edited as the one it was merged into.
    if (locked?.status === "MERGED")
      throw conflict("This contact was merged into another contact. Open that contact and edit it there.");
    const [before] = await tx.$queryRaw<Record<string, FieldValue>[]>`
      SELECT "firstName", "lastName", email, phone, "jobTitle", "employeeId", classification, "isEmployee", "vendorId"::text AS "vendorId"
      FROM "Contact" WHERE "companyId" = ${companyId}::uuid AND id = ${contactId}::uuid`;
    if (!before) throw notFound("Contact not found.");
    const changes = fieldChanges(before, patch);
    if (Object.keys(changes).length) {
      await tx.contact.update({ where: { companyId_id: { companyId, id: contactId } }, data: patch });
      const batchId = await openBatch(tx, companyId, "contact.update", by);
      await recordEvents(tx, companyId, batchId, "contact.updated", [{ contactId, projectIds: [], changes }]);
    }
    return tx.contact.findUniqueOrThrow({
      where: { companyId_id: { companyId, id: contactId } },
      select: contactSelect,
    });
  });
}
