import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { toVendorHistoryItemJson } from "@/server/api/serialize";
import { listVendorHistory } from "@/server/vendors/list-vendor-history";
import { visibleVendor } from "@/server/api/visible-vendor";

export const GET = apiRoute(endpoints.vendorHistory, async ({ db, actor, params }) => {
  await visibleVendor(db, actor, params.companyId, params.vendorId);
  const items = await listVendorHistory(db, params.companyId, params.vendorId);
  return { data: (items ?? []).map(toVendorHistoryItemJson) };
});
