import "server-only";
import type { UpdateContactInput } from "@/shared/contact-fields";
import { inTransaction, type Db } from "@/server/db/transaction";
import { notFound } from "@/server/errors";
import { SYSTEM, type ChangedBy } from "@/server/history/changed-by";
import { openBatch, recordEvents } from "@/server/history/open-batch";
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
    if (patch.vendorId) {
      const vendor = await tx.vendor.findUnique({
        where: { companyId_id: { companyId, id: patch.vendorId } },
        select: { id: true },
      });
      if (!vendor) throw notFound("That company (vendor) is not in this directory.", { field: "vendorId" });
    }
    // Locked like every writer, then read: what the edit starts from.
    await lockContacts(tx, companyId, [contactId]);
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
