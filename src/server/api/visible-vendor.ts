import "server-only";
import type { Db } from "@/server/db/transaction";
import type { Actor } from "@/server/permissions/actor";
import { can, REFUSAL } from "@/server/permissions/can";
import { getVendor } from "@/server/vendors/get-vendor";
import { ApiError } from "./errors";
import { notFoundError } from "./route";

/** The path's company (vendor), if the caller may see it: an inactive or merged one only as a company Directory admin. */
export async function visibleVendor(db: Db, actor: Actor, companyId: string, vendorId: string) {
  const vendor = await getVendor(db, companyId, vendorId);
  if (!vendor) throw notFoundError("vendorId");
  if (vendor.status !== "ACTIVE" && !can(actor, "view inactive companies")) {
    throw new ApiError("forbidden", REFUSAL["view inactive companies"]);
  }
  return vendor;
}
