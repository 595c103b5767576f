import "server-only";
import type { CreateVendorInput } from "@/shared/vendor-fields";
import { fieldChanges } from "@/server/contacts/field-changes";
import { inTransaction, type Db } from "@/server/db/transaction";
import { SYSTEM, type ChangedBy } from "@/server/history/changed-by";
import { openBatch } from "@/server/history/open-batch";
import { recordVendorEvents } from "./record-vendor-events";
import { isNameTaken, nameTakenError } from "./vendor-name-taken";
import { vendorSelect, type VendorRecord } from "./vendor-select";

export type CreateVendorOptions = { companyId: string; input: CreateVendorInput; by?: ChangedBy };

/**
 * Adds a company (vendor) to the directory, with its history. A name already there,
 * ignoring case and surrounding spaces, is refused with a conflict naming the company that
 * has it — also when two are created at once: the unique index decides, and the loser's
 * transaction is answered 409, never 500.
 */
export async function createVendor(
  db: Db,
  { companyId, input, by = SYSTEM }: CreateVendorOptions,
): Promise<VendorRecord> {
  try {
    return await inTransaction(db, async (tx) => {
      const vendor = await tx.vendor.create({ data: { ...input, companyId }, select: vendorSelect });
      const batchId = await openBatch(tx, companyId, "vendor.create", by);
      await recordVendorEvents(tx, companyId, batchId, "vendor.created", [
        { vendorId: vendor.id, changes: fieldChanges({}, { ...input, kind: vendor.kind }) },
      ]);
      return { ...vendor, contactCount: 0, projectCount: 0 };
    });
  } catch (error) {
    if (isNameTaken(error)) throw await nameTakenError(db, companyId, input.name);
    throw error;
  }
}
