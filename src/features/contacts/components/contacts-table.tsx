"use client";

import { useTable, type RowSelectionState, type SortingState } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useMemo, useState } from "react";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import { splitSort, type DirectoryQuery, type DirectoryTab, type SortValue } from "../validations";
import { BulkActions } from "./bulk-actions";
import { contactsTableFeatures, getContactsTableColumns } from "./contacts-table-columns";
import { TablePagination } from "./table-pagination";
import { TableToolbar } from "./table-toolbar";
import { useDirectoryQuery } from "./use-directory-query";

type Props = {
  companyId: string;
  tab: DirectoryTab;
  rows: ContactListRow[];
  total: number;
  /** The query the server rendered these rows for. */
  query: DirectoryQuery;
  selectable: boolean;
};

export function ContactsTable({ companyId, tab, rows, total, query, selectable }: Props) {
  const { query: urlQuery, setQuery, setSearch, isPending } = useDirectoryQuery();
  const columns = useMemo(() => getContactsTableColumns({ selectable }), [selectable]);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const { column, desc } = splitSort(query.sort);
  const sorting: SortingState = [{ id: column, desc }];

  // Selection only ever covers rows on screen: ids that left the page drop out.
  const visibleSelection: RowSelectionState = Object.fromEntries(
    rows.filter((r) => rowSelection[r.id]).map((r) => [r.id, true as const]),
  );

  const table = useTable({
    features: contactsTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    state: { rowSelection: visibleSelection, sorting },
    onRowSelectionChange: setRowSelection,
    enableRowSelection: selectable,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      if (first) void setQuery({ sort: `${first.id}.${first.desc ? "desc" : "asc"}` as SortValue, page: 1 });
    },
  });

  const selected = rows.filter((r) => visibleSelection[r.id]);
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  return (
    <div className="space-y-4">
      <TableToolbar q={urlQuery.q} onSearch={setSearch}>
        {selectable && (
          <BulkActions companyId={companyId} tab={tab} selected={selected} onDone={() => setRowSelection({})} />
        )}
      </TableToolbar>

      <div
        aria-busy={isPending}
        className={`overflow-x-auto rounded-lg border border-slate-200 bg-white transition-opacity ${isPending ? "opacity-60" : ""}`}
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            {tab === "contacts" ? "Contacts" : "Inactive contacts"}
            {query.q ? ` matching “${query.q}”` : ""}
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              {headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                    className={`px-4 py-3 ${header.column.id === "select" ? "w-10" : ""}`}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
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
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={row.getIsSelected() ? "bg-brand-50" : "hover:bg-slate-50"}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-4 py-2.5 text-slate-700">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && (
          <EmptyState tab={tab} q={query.q} onClear={() => void setQuery({ q: "", page: 1 })} />
        )}
      </div>

      <TablePagination
        page={query.page}
        perPage={query.perPage}
        total={total}
        onPage={(page) => void setQuery({ page })}
        onPerPage={(perPage) => void setQuery({ perPage, page: 1 })}
      />
    </div>
  );
}

function EmptyState({ tab, q, onClear }: { tab: DirectoryTab; q: string; onClear: () => void }) {
  return (
    <div role="status" className="px-6 py-12 text-center">
      {q ? (
        <>
          <p className="font-medium text-slate-900">No contacts match “{q}”</p>
          <p className="mt-1 text-sm text-slate-600">Check the spelling, or search by email, phone, job title or company.</p>
          <button type="button" onClick={onClear} className="mt-3 text-sm font-medium text-brand-700 underline">
            Clear search
          </button>
        </>
      ) : tab === "contacts" ? (
        <p className="font-medium text-slate-900">No active contacts</p>
      ) : (
        <>
          <p className="font-medium text-slate-900">No inactive contacts</p>
          <p className="mt-1 text-sm text-slate-600">People you inactivate appear here, ready to reactivate.</p>
        </>
      )}
    </div>
  );
}
