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
  /**
   * Below the md breakpoint, each row as a card instead: its `title` column's cell as the
   * heading, then the `fields` columns' cells, a `badge` (such as the record's status),
   * the select checkbox first and the row's actions last. Without it the table stays a
   * table on phones too, scrolling inside its own region.
   */
  card?: { title: string; fields: readonly string[]; badge?: (record: TData) => ReactNode };
};

/** The columns that are not data: a card puts them at its two ends. */
const SELECT = "select";
const ACTIONS = "actions";

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
  card,
}: Props<TData>) {
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const rows = table.getRowModel().rows;
  return (
    <>
      {card && (
        <div className={`md:hidden ${isPending ? "opacity-60" : ""}`} aria-busy={isPending}>
          <DataCards rows={rows} table={table} caption={caption} card={card} />
          {rows.length === 0 && <div className="rounded-lg border border-slate-200 bg-white">{empty}</div>}
        </div>
      )}
      <TableScroll
        label={`${caption} table`}
        aria-busy={isPending}
        className={`transition-opacity ${isPending ? "opacity-60" : ""} ${card ? "max-md:hidden" : ""}`}
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
    </>
  );
}

function DataCards<TData extends RowData & { id: string }>({
  rows,
  table,
  caption,
  card,
}: {
  rows: Row<DataTableFeatures, TData>[];
  table: ReactTable<DataTableFeatures, TData>;
  caption: string;
  card: NonNullable<Props<TData>["card"]>;
}) {
  if (rows.length === 0) return null;
  const selectAll = table.getHeaderGroups()[0]?.headers.find((h) => h.column.id === SELECT);
  return (
    <>
      {selectAll && (
        <div className="mb-2 flex items-center gap-3 px-3 text-sm text-slate-700">
          <table.FlexRender header={selectAll} />
          <span aria-hidden>All on this page</span>
        </div>
      )}
      <ul aria-label={caption} className="space-y-2">
        {rows.map((row) => {
          const cells = new Map(row.getVisibleCells().map((cell) => [cell.column.id, cell]));
          const select = cells.get(SELECT);
          const actions = cells.get(ACTIONS);
          const title = cells.get(card.title);
          return (
            <li
              key={row.id}
              className={`flex items-start gap-3 rounded-lg border p-3 ${row.getIsSelected() ? "border-brand-100 bg-brand-50" : "border-slate-200 bg-white"}`}
            >
              {select && (
                <div className="shrink-0">
                  <table.FlexRender cell={select} />
                </div>
              )}
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  {title && (
                    <p className="min-w-0 font-medium break-words text-slate-900">
                      <table.FlexRender cell={title} />
                    </p>
                  )}
                  {card.badge?.(row.original)}
                </div>
                <dl className="mt-1 space-y-0.5 text-sm text-slate-700">
                  {card.fields.map((id) => {
                    const cell = cells.get(id);
                    if (!cell) return null;
                    const header = cell.column.columnDef.header;
                    return (
                      <div key={id} className="break-words">
                        <dt className="sr-only">{typeof header === "string" ? header : id}</dt>
                        <dd>
                          <table.FlexRender cell={cell} />
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              </div>
              {actions && (
                <div className="shrink-0">
                  <table.FlexRender cell={actions} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
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
