"use client";

import type { ReactTable, Row, RowData } from "@tanstack/react-table";
import { Fragment, type CSSProperties, type ReactNode } from "react";
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
   * Below the md breakpoint, each row is laid out as a card instead — the same markup,
   * styled by CSS, so a page never carries its rows twice: the select checkbox first, the
   * `title` column's cell as the heading with the `badge` beside it (such as the tab's
   * status: the same on every row, so it is drawn by CSS, not written into each row), the
   * `fields` columns' cells under it, the row's actions last; other columns are left out
   * on phones. Without it the table stays a table on phones too, scrolling inside its own
   * region.
   */
  card?: { title: string; fields: readonly string[]; badge?: CardBadge };
};

/** A card's status pill: its words, and whether it reads as good news (green) or plain (grey). */
export type CardBadge = { label: string; tone: "positive" | "neutral" };

/** The columns that are not data: a card puts them at its two ends. */
const SELECT = "select";
const ACTIONS = "actions";

// Each cell's one short class, by its column's place in a card (the layout is in globals.css).
const CARD_CELL = { select: "dt-s", actions: "dt-a", title: "dt-t", field: "dt-f", other: "dt-x" } as const;

/**
 * The table of a data table (see use-data-table): sortable headers as buttons with
 * aria-sort, one row per record, the select and actions columns narrow. The entity gives
 * the columns; the toolbar, filters and pagination sit around it. Cell padding and colour
 * are set once on the body, not on each cell: a page of rows stays small.
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
  const role = (id: string): keyof typeof CARD_CELL =>
    id === SELECT || id === ACTIONS ? id : id === card?.title ? "title" : card?.fields.includes(id) ? "field" : "other";
  // Which cells need classes of their own: computed once per column, not per cell.
  const selectable = headers.some((h) => h.column.id === SELECT);
  const cellClass = new Map(
    // The select cell always (its checkbox is sized by the table); the others for cards.
    headers.map(
      (h) => [h.column.id, card || h.column.id === SELECT ? CARD_CELL[role(h.column.id)] : undefined] as const,
    ),
  );
  return (
    <TableScroll
      label={`${caption} table`}
      aria-busy={isPending}
      className={`transition-opacity ${isPending ? "opacity-60" : ""} ${card ? "max-md:overflow-visible max-md:border-0 max-md:bg-transparent" : ""}`}
    >
      <table
        className={`dt w-full text-left text-sm ${card ? "dt-cards" : ""}`}
        data-badge-tone={card?.badge?.tone}
        style={card?.badge ? ({ "--dt-badge": JSON.stringify(card.badge.label) } as CSSProperties) : undefined}
      >
        <caption className="sr-only">{caption}</caption>
        <thead
          className={`border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase ${card ? (selectable ? "max-md:block max-md:border-0 max-md:bg-transparent max-md:normal-case" : "max-md:hidden") : ""}`}
        >
          <tr className={card ? "max-md:flex max-md:items-center max-md:px-3 max-md:pb-2" : undefined}>
            {headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const id = header.column.id;
              const narrow = id === SELECT || id === ACTIONS;
              return (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                  className={`${narrow ? "w-10" : ""} ${card ? (id === SELECT ? "dt-s max-md:flex max-md:w-auto max-md:items-center max-md:gap-3 max-md:p-0" : "max-md:hidden") : ""}`}
                >
                  {header.column.getCanSort() ? (
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className="inline-flex min-h-6 items-center gap-1 uppercase hover:text-slate-900"
                    >
                      <table.FlexRender header={header} />
                      {/* The arrow is drawn by CSS from the th's aria-sort (globals.css .dt-sort). */}
                      <span aria-hidden className="dt-sort" />
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 text-slate-700">
          {rows.map((row, i) => {
            const selected = row.getIsSelected();
            return (
              <Fragment key={row.id}>
                {before?.(row, i, rows)}
                <tr data-selected={selected || undefined}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={cellClass.get(cell.column.id)}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && (
        <div className={card ? "max-md:rounded-lg max-md:border max-md:border-slate-200 max-md:bg-white" : undefined}>
          {empty}
        </div>
      )}
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
