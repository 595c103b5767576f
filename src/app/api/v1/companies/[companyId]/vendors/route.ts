import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { toVendorJson } from "@/server/api/serialize";
import { changedBy } from "@/server/history/changed-by";
import { createVendor } from "@/server/vendors/create-vendor";
import { listVendors } from "@/server/vendors/list-vendors";

export const GET = apiRoute(endpoints.listVendors, async ({ db, params, query }) => {
  const { rows, total } = await listVendors(db, { companyId: params.companyId, ...query });
  return { data: rows.map(toVendorJson), page: query.page, perPage: query.perPage, total };
});

export const POST = apiRoute(endpoints.createVendor, async ({ db, actor, params, body }) =>
  toVendorJson(await createVendor(db, { companyId: params.companyId, input: body, by: changedBy(actor) })),
);
