import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { toVendorJson } from "@/server/api/serialize";
import { visibleVendor } from "@/server/api/visible-vendor";
import { changedBy } from "@/server/history/changed-by";
import { updateVendor } from "@/server/vendors/update-vendor";

export const GET = apiRoute(endpoints.getVendor, async ({ db, actor, params }) =>
  toVendorJson(await visibleVendor(db, actor, params.companyId, params.vendorId)),
);

export const PATCH = apiRoute(endpoints.updateVendor, async ({ db, actor, params, body }) => {
  await visibleVendor(db, actor, params.companyId, params.vendorId);
  return toVendorJson(await updateVendor(db, { ...params, patch: body, by: changedBy(actor) }));
});
