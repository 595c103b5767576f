import "server-only";
import { countContacts } from "@/server/contacts/count-contacts";
import { getPrisma } from "@/server/db/client";
import { countVendors, listVendors } from "@/server/vendors/list-vendors";
import { vendorTabStatus, type VendorQuery, type VendorTab } from "@/shared/vendor-query";

/** Everything a Companies tab shows: a page of rows, the match total, and every directory tab's count. */
export async function loadCompaniesTab(companyId: string, tab: VendorTab, query: VendorQuery) {
  const prisma = await getPrisma();
  const [list, companyCounts, counts] = await Promise.all([
    listVendors(prisma, { companyId, status: vendorTabStatus(tab), ...query }),
    countVendors(prisma, companyId),
    countContacts(prisma, { companyId }),
  ]);
  return { ...list, companyCounts, counts };
}
