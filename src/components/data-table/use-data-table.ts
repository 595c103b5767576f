"use client";

import {
  columnVisibilityFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import { useState } from "react";

/** What every data table offers: sorting (by the server), row selection and hideable columns. */
export const dataTableFeatures = tableFeatures({ columnVisibilityFeature, rowSelectionFeature, rowSortingFeature });
export type DataTableFeatures = typeof dataTableFeatures;

/** The one column a table is sorted by, as the URL holds it. */
export type DataTableSort = { id: string; desc: boolean };

export type UseDataTableOptions<TData extends { id: string }> = {
  /** From the table's columns factory: the select column first, row actions last. */
  columns: ReadonlyArray<ColumnDef<DataTableFeatures, TData, unknown>>;
  /** The page of rows the server listed. */
  data: TData[];
  /** How many rows match the query on all pages. */
  total: number;
  sort: DataTableSort;
  /** Puts a new sort in the URL (and goes back to its first page). */
  onSortChange: (sort: DataTableSort) => void;
  /** The columns the URL hides. */
  hidden: readonly string[];
  /** The search and filters the rows were listed for: "select all matching" holds for this query only. */
  queryKey: string;
};

/**
 * A server-paginated table whose state lives in the URL, after tablecn's use-data-table:
 * sorting from and to the URL, hidden columns from it, the database id as the row id, a
 * selection of the rows on screen, and "select all N matching" once the whole page is
 * selected and more rows match. A second table (Companies, Users) plugs its columns and
 * URL state in here.
 */
export function useDataTable<TData extends { id: string }>({
  columns,
  data,
  total,
  sort,
  onSortChange,
  hidden,
  queryKey,
}: UseDataTableOptions<TData>) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [allMatchingFor, setAllMatchingFor] = useState<string | null>(null);
  const sorting: SortingState = [sort];
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(hidden.map((id) => [id, false]));
  // Selection only ever covers rows on screen: ids that left the page drop out.
  const visibleSelection: RowSelectionState = Object.fromEntries(
    data.filter((r) => rowSelection[r.id]).map((r) => [r.id, true as const]),
  );

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => row.id,
    state: { rowSelection: visibleSelection, sorting, columnVisibility },
    onRowSelectionChange: setRowSelection,
    onColumnVisibilityChange: () => {},
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      if (first) onSortChange({ id: first.id, desc: first.desc });
    },
  });

  const selected = data.filter((r) => visibleSelection[r.id]);
  // "Select all N matching": offered once the whole page is selected and more match; it
  // holds for the query it was chosen on, and ends when the page selection does.
  const pageSelected = data.length > 0 && selected.length === data.length;
  const allMatching = pageSelected && allMatchingFor === queryKey && total > data.length;
  return {
    table,
    selected,
    pageSelected,
    allMatching,
    selectAllMatching: () => setAllMatchingFor(queryKey),
    clearSelection: () => {
      setRowSelection({});
      setAllMatchingFor(null);
    },
  };
}
