import { z } from "zod";
import { actionFitsRecord, historyFilterShape, type HistoryFilters } from "@/shared/history-filters";

export const HISTORY_PAGE_SIZE = 50;

/**
 * The Change History page's URL: filters and page. A value that does not parse is left
 * out (the page shows everything) rather than failing the page.
 */
export function parseHistorySearchParams(raw: Record<string, string | string[] | undefined>): {
  filters: HistoryFilters;
  page: number;
} {
  const one = (key: string) => {
    const v = raw[key];
    return (Array.isArray(v) ? v[0] : v) || undefined;
  };
  const filters: HistoryFilters = {};
  for (const key of ["record", "action", "actorId", "from", "to"] as const) {
    const parsed = historyFilterShape[key].safeParse(one(key));
    if (parsed.success && parsed.data) (filters as Record<string, string>)[key] = parsed.data;
  }
  if (filters.from && filters.to && filters.from > filters.to) delete filters.to;
  if (!actionFitsRecord(filters)) delete filters.action;
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .catch(1)
    .parse(one("page") ?? 1);
  return { filters, page };
}

/** The query string for these filters (and page), for links and the CSV export. */
export function historySearch(filters: HistoryFilters, page?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (page && page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
