import "server-only";
import type { UpdateVendorInput } from "@/shared/vendor-fields";
import { fieldChanges, type FieldValue } from "@/server/contacts/field-changes";
import { inTransaction, type Db } from "@/server/db/transaction";
import { conflict, notFound } from "@/server/errors";
import { SYSTEM, type ChangedBy } from "@/server/history/changed-by";
import { openBatch } from "@/server/history/open-batch";
import { getVendor } from "./get-vendor";
import { lockVendors } from "./lock-vendors";
import { recordVendorEvents } from "./record-vendor-events";
import { isNameTaken, nameTakenError } from "./vendor-name-taken";
import type { VendorRecord } from "./vendor-select";

export type UpdateVendorOptions = { companyId: string; vendorId: string; patch: UpdateVendorInput; by?: ChangedBy };

/**
 * Edits a company's details; status changes go through inactivate/reactivate/merge. The
 * history gets the fields that really changed, from → to; a save that changes nothing
 * records nothing. A company merged away is kept as it was merged.
 */
export async function updateVendor(
  db: Db,
  { companyId, vendorId, patch, by = SYSTEM }: UpdateVendorOptions,
): Promise<VendorRecord> {
  try {
    return await inTransaction(db, async (tx) => {
      const [locked] = await lockVendors(tx, companyId, [vendorId]);
      if (!locked) throw notFound("Company not found in this directory.");
      if (locked.status === "MERGED") {
        throw conflict(`"${locked.name}" was merged into another company and can no longer be edited. Edit that one.`);
      }
      const [before] = await tx.$queryRaw<Record<string, FieldValue>[]>`
        SELECT name, kind::text AS kind, trade, phone, email, website, address, "licenseNumber", notes
        FROM "Vendor" WHERE "companyId" = ${companyId}::uuid AND id = ${vendorId}::uuid`;
      const changes = fieldChanges(before!, patch);
      if (Object.keys(changes).length) {
        await tx.vendor.update({ where: { companyId_id: { companyId, id: vendorId } }, data: patch });
        const batchId = await openBatch(tx, companyId, "vendor.update", by);
        await recordVendorEvents(tx, companyId, batchId, "vendor.updated", [{ vendorId, changes }]);
      }
      return (await getVendor(tx, companyId, vendorId))!;
    });
  } catch (error) {
    if (isNameTaken(error) && patch.name) throw await nameTakenError(db, companyId, patch.name);
    throw error;
  }
}
