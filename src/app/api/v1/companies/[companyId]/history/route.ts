import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { toCompanyHistoryEntryJson } from "@/server/api/serialize";
import { ApiError } from "@/server/api/errors";
import { listHistoryEvents } from "@/server/history/list-history-events";
import { actionFitsRecord } from "@/shared/history-filters";

export const GET = apiRoute(endpoints.companyHistory, async ({ db, params, query }) => {
  if (query.from && query.to && query.from > query.to) {
    throw new ApiError("validation_error", "Check the query string: from must be on or before to.", [
      { path: "to", message: "On or after from." },
    ]);
  }
  if (!actionFitsRecord(query)) {
    throw new ApiError(
      "validation_error",
      `Check the query string: ${query.action} is not one of the ${query.record} actions.`,
      [{ path: "action", message: "An action of the chosen record." }],
    );
  }
  const { items, total } = await listHistoryEvents(db, { ...query, companyId: params.companyId });
  return { data: items.map(toCompanyHistoryEntryJson), page: query.page, perPage: query.perPage, total };
});
