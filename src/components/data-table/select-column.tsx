"use client";

import { createColumnHelper, type RowData, type Table } from "@tanstack/react-table";
import { useEffect, useRef } from "react";
import type { DataTableFeatures } from "./use-data-table";

function HeaderCheckbox<TData extends RowData>({ table }: { table: Table<DataTableFeatures, TData> }) {
  const ref = useRef<HTMLInputElement>(null);
  const all = table.getIsAllPageRowsSelected();
  const some = table.getIsSomePageRowsSelected();
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some && !all;
  }, [some, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all"
      className="size-6 shrink-0 accent-brand-600"
      checked={all}
      disabled={table.getRowModel().rows.length === 0}
      onChange={table.getToggleAllPageRowsSelectedHandler()}
    />
  );
}

/**
 * The checkbox column every selectable table starts with: "Select all" (the page) in the
 * header, "Select <name>" on each row.
 */
export function selectColumn<TData extends RowData>(nameOf: (row: TData) => string) {
  const helper = createColumnHelper<DataTableFeatures, TData>();
  return {
    ...helper.display({
      id: "select",
      enableHiding: false,
      header: ({ table }) => <HeaderCheckbox table={table} />,
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`Select ${nameOf(row.original)}`}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
        />
      ),
    }),
    enableSorting: false,
  };
}
