"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { PAGE_SIZES } from "@/shared/directory-query";

type Props = {
  /** What the rows are, for an empty table: "No contacts". */
  plural: string;
  page: number;
  perPage: number;
  total: number;
  onPage: (page: number) => void;
  onPerPage: (perPage: (typeof PAGE_SIZES)[number]) => void;
};

export function TablePagination({ plural, page, perPage, total, onPage, onPerPage }: Props) {
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const first = total === 0 ? 0 : (page - 1) * perPage + 1;
  const last = Math.min(total, page * perPage);
  const button =
    "inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50";
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite">
        {total === 0
          ? `No ${plural}`
          : `${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}`}
      </p>
      <div className="flex items-center gap-3">
        <label className="flex items-center gap-2">
          Rows per page
          <select
            value={perPage}
            onChange={(e) => onPerPage(Number(e.target.value) as (typeof PAGE_SIZES)[number])}
            className="rounded-md border border-slate-300 bg-white px-2 py-1"
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <span>
          Page {page} of {lastPage}
        </span>
        <button type="button" className={button} disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <ChevronLeft aria-hidden className="size-4" />
          Previous page
        </button>
        <button type="button" className={button} disabled={page >= lastPage} onClick={() => onPage(page + 1)}>
          Next page
          <ChevronRight aria-hidden className="size-4" />
        </button>
      </div>
    </nav>
  );
}
