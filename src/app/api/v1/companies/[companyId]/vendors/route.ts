import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { toVendorJson } from "@/server/api/serialize";
import { createVendor } from "@/server/vendors/create-vendor";
import { listVendors } from "@/server/vendors/list-vendors";

export const GET = apiRoute(endpoints.listVendors, async ({ db, params }) => ({
  data: (await listVendors(db, params.companyId)).map(toVendorJson),
}));

export const POST = apiRoute(endpoints.createVendor, async ({ db, params, body }) =>
  toVendorJson(await createVendor(db, { companyId: params.companyId, ...body })),
);
