"use client";

import type { ReactTable, Row, RowData } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Fragment, type ReactNode } from "react";
import { TableScroll } from "@/components/ui/table-scroll";
import type { DataTableFeatures } from "./use-data-table";

type Props<TData extends RowData & { id: string }> = {
  table: ReactTable<DataTableFeatures, TData>;
  /** Read by screen readers before the table: "Inactive contacts matching “ann”". */
  caption: string;
  /** The next page is loading: the rows dim and the region is marked busy. */
  isPending?: boolean;
  /** Shown under the header when there are no rows (say why, and offer a way out). */
  empty: ReactNode;
  /** A row to put before a data row, such as a group's heading; given the row and its index. */
  before?: (row: Row<DataTableFeatures, TData>, index: number, rows: Row<DataTableFeatures, TData>[]) => ReactNode;
};

/**
 * The table of a data table (see use-data-table): sortable headers as buttons with
 * aria-sort, one row per record, the select and actions columns narrow. The entity gives
 * the columns; the toolbar, filters and pagination sit around it.
 */
export function DataTable<TData extends RowData & { id: string }>({
  table,
  caption,
  isPending,
  empty,
  before,
}: Props<TData>) {
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const rows = table.getRowModel().rows;
  return (
    <TableScroll
      label={`${caption} table`}
      aria-busy={isPending}
      className={`transition-opacity ${isPending ? "opacity-60" : ""}`}
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            {headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                  className={`px-4 py-3 ${header.column.id === "select" || header.column.id === "actions" ? "w-10" : ""}`}
                >
                  {header.column.getCanSort() ? (
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className="inline-flex min-h-6 items-center gap-1 uppercase hover:text-slate-900"
                    >
                      <table.FlexRender header={header} />
                      {sorted === "asc" ? (
                        <ArrowUp aria-hidden className="size-3.5" />
                      ) : sorted === "desc" ? (
                        <ArrowDown aria-hidden className="size-3.5" />
                      ) : (
                        <ArrowUpDown aria-hidden className="size-3.5 text-slate-400" />
                      )}
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, i) => (
            <Fragment key={row.id}>
              {before?.(row, i, rows)}
              <tr className={row.getIsSelected() ? "bg-brand-50" : "hover:bg-slate-50"}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-4 py-2.5 text-slate-700">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && empty}
    </TableScroll>
  );
}

/** The usual empty state: a heading, a hint, and (when filtered) a way back. */
export function TableEmpty({
  title,
  hint,
  clearLabel,
  onClear,
}: {
  title: string;
  hint?: string;
  clearLabel?: string;
  onClear?: () => void;
}) {
  return (
    <div role="status" className="px-6 py-12 text-center">
      <p className="font-medium text-slate-900">{title}</p>
      {hint && <p className="mt-1 text-sm text-slate-600">{hint}</p>}
      {onClear && (
        <button type="button" onClick={onClear} className="mt-3 text-sm font-medium text-brand-700 underline">
          {clearLabel ?? "Clear search and filters"}
        </button>
      )}
    </div>
  );
}
