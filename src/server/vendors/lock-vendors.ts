import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { VendorStatus } from "@/generated/prisma/enums";

export type LockedVendor = { id: string; name: string; status: VendorStatus };

/**
 * The lock rule for companies (vendors), the sibling of lockContacts: every writer of a
 * company's status, fields or merge locks the companies it touches first, in id order,
 * and reads their status in the same statement. A change that also touches contacts
 * (inactivating a company with its people, merging, undoing either, giving a contact a
 * company) locks the companies before the contacts, so writers on both queue in one order
 * instead of deadlocking.
 *
 * `share` is for writers that only need the company to stay as it is (a contact given this
 * company): they queue behind an inactivation or merge, and do not block each other.
 *
 * Returns the companies of this company among the ids, in id order; unknown ids are absent.
 */
export function lockVendors(
  tx: Prisma.TransactionClient,
  companyId: string,
  ids: string[],
  mode: "update" | "share" = "update",
): Promise<LockedVendor[]> {
  return mode === "update"
    ? tx.$queryRaw<LockedVendor[]>`
        SELECT id::text AS id, name, status::text AS status FROM "Vendor"
        WHERE "companyId" = ${companyId}::uuid AND id = ANY(${ids}::uuid[])
        ORDER BY id
        FOR UPDATE`
    : tx.$queryRaw<LockedVendor[]>`
        SELECT id::text AS id, name, status::text AS status FROM "Vendor"
        WHERE "companyId" = ${companyId}::uuid AND id = ANY(${ids}::uuid[])
        ORDER BY id
        FOR SHARE`;
}
