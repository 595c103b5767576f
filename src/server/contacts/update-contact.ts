import "server-only";
import type { UpdateContactInput } from "@/features/contacts/contact-schemas";
import { inTransaction, type Db } from "@/server/db/transaction";
import { notFound } from "@/server/errors";
import { contactSelect, type ContactRecord } from "./contact-select";

export type UpdateContactOptions = { companyId: string; contactId: string; patch: UpdateContactInput };

/** Edits the one record every directory shows; status changes go through inactivate/reactivate. */
export function updateContact(db: Db, { companyId, contactId, patch }: UpdateContactOptions): Promise<ContactRecord> {
  return inTransaction(db, async (tx) => {
    if (patch.vendorId) {
      const vendor = await tx.vendor.findUnique({ where: { companyId_id: { companyId, id: patch.vendorId } }, select: { id: true } });
      if (!vendor) throw notFound("That company (vendor) is not in this directory.", { field: "vendorId" });
    }
    const { count } = await tx.contact.updateMany({ where: { companyId, id: contactId }, data: patch });
    if (count === 0) throw notFound("Contact not found.");
    return tx.contact.findUniqueOrThrow({ where: { id: contactId }, select: contactSelect });
  });
}
