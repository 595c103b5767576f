import "server-only";
import type { Db } from "@/server/db/transaction";
import { vendorSelect, type VendorRecord } from "./vendor-select";

/** One company of this company with its active contacts' and their projects' counts; null when not here. */
export async function getVendor(db: Db, companyId: string, vendorId: string): Promise<VendorRecord | null> {
  const vendor = await db.vendor.findUnique({
    where: { companyId_id: { companyId, id: vendorId } },
    select: vendorSelect,
  });
  if (!vendor) return null;
  const [counts] = await db.$queryRaw<{ contactCount: number; projectCount: number }[]>`
    SELECT
      (SELECT count(*)::int FROM "Contact" c
       WHERE c."companyId" = ${companyId}::uuid AND c."vendorId" = ${vendorId}::uuid AND c.status = 'ACTIVE') AS "contactCount",
      (SELECT count(DISTINCT pc."projectId")::int FROM "ProjectContact" pc
       JOIN "Contact" c ON c."companyId" = pc."companyId" AND c.id = pc."contactId"
       WHERE pc."companyId" = ${companyId}::uuid AND c."vendorId" = ${vendorId}::uuid AND pc.status = 'ACTIVE') AS "projectCount"`;
  return { ...vendor, ...counts! };
}
