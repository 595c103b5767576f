import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { conflict, notFound } from "@/server/errors";
import { lockVendors } from "./lock-vendors";

/**
 * A contact may be given only an active company: an inactive or merged-away one has left
 * every picker, and the API and import refuse it the same way. The company is share-locked
 * (companies before contacts, see lockVendors), so an inactivation or merge running at the
 * same time either finishes first — and this refuses — or waits for this contact.
 */
export async function assertVendorPickable(
  tx: Prisma.TransactionClient,
  companyId: string,
  vendorId: string,
): Promise<void> {
  const [vendor] = await lockVendors(tx, companyId, [vendorId], "share");
  if (!vendor) throw notFound("That company (vendor) is not in this directory.", { field: "vendorId" });
  if (vendor.status === "INACTIVE") {
    throw conflict(`"${vendor.name}" is an inactive company. Reactivate it, or choose an active company.`, {
      field: "vendorId",
    });
  }
  if (vendor.status === "MERGED") {
    throw conflict(`"${vendor.name}" was merged into another company. Choose that one.`, { field: "vendorId" });
  }
}
