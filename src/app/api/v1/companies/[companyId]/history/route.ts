import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { toHistoryItemJson } from "@/server/api/serialize";
import { ApiError } from "@/server/api/errors";
import { listCompanyHistory } from "@/server/history/list-history";

export const GET = apiRoute(endpoints.companyHistory, async ({ db, params, query }) => {
  if (query.from && query.to && query.from > query.to) {
    throw new ApiError("validation_error", "Check the query string: from must be on or before to.", [
      { path: "to", message: "On or after from." },
    ]);
  }
  const { items, total } = await listCompanyHistory(db, { ...query, companyId: params.companyId });
  return { data: items.map(toHistoryItemJson), page: query.page, perPage: query.perPage, total };
});
