import { endpoints } from "@/server/api/endpoints";
import { apiRoute, notFoundError } from "@/server/api/route";
import { toProjectVendorJson } from "@/server/api/serialize";
import { getProject } from "@/server/projects/get-project";
import { listProjectVendors } from "@/server/vendors/list-project-vendors";

export const GET = apiRoute(endpoints.listProjectVendors, async ({ db, params, query }) => {
  if (!(await getProject(db, params))) throw notFoundError("projectId");
  const { rows, total } = await listProjectVendors(db, { ...params, ...query, kind: query.kind ?? null });
  return { data: rows.map(toProjectVendorJson), page: query.page, perPage: query.perPage, total };
});
