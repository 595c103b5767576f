"use client";

import { TableScroll } from "@/components/ui/table-scroll";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Fragment, useMemo, useState } from "react";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import {
  MAX_BULK_CONTACTS,
  splitSort,
  type DirectoryQuery,
  type DirectoryTab,
  type MatchingSelection,
  type SortValue,
} from "@/shared/directory-query";
import { BulkActions } from "./bulk-actions";
import type { VendorOption } from "./contact-form-dialog";
import { useDataTable } from "@/components/data-table/use-data-table";
import { getContactsTableColumns } from "./contacts-table-columns";
import { DirectoryActions } from "./directory-actions";
import { LifecycleDialog } from "./lazy-dialogs";
import { lifecycleKind } from "./lifecycle-kind";
import { TableFilters, type FilterOption } from "./table-filters";
import { TablePagination } from "./table-pagination";
import { TableToolbar } from "./table-toolbar";
import { useDirectoryQuery } from "./use-directory-query";

/** What the user may do on this directory; the server checks each action again. */
export type DirectoryPermissions = {
  viewInactive: boolean;
  /** Select rows and act on them: inactivate/reactivate (company), remove (project). */
  bulk: boolean;
  addContacts: boolean;
  /** Put existing contacts on this project. */
  addFromDirectory: boolean;
  importContacts: boolean;
};

type Props = {
  companyId: string;
  permissions: DirectoryPermissions;
  /** Set on a project's directory. */
  projectId?: string;
  tab: DirectoryTab;
  rows: ContactListRow[];
  total: number;
  /** The query the server rendered these rows for. */
  query: DirectoryQuery;
  vendors: VendorOption[];
  /** Filter options for the company directory. */
  projects?: FilterOption[];
  exportHref: string;
  /** The import wizard, for those who may import here. */
  importHref?: string;
};

export function ContactsTable({
  companyId,
  permissions,
  projectId,
  tab,
  rows,
  total,
  query,
  vendors,
  projects,
  exportHref,
  importHref,
}: Props) {
  const { query: urlQuery, setQuery, setSearch, isPending } = useDirectoryQuery();
  const rowAction = lifecycleKind(tab, projectId);
  // The one contact a row's own action is for, and the button to return focus to.
  const [single, setSingle] = useState<{ contact: ContactListRow; trigger: HTMLButtonElement | null } | null>(null);
  const columns = useMemo(
    () =>
      getContactsTableColumns({
        companyId,
        rowAction: permissions.bulk ? rowAction : null,
        onRowAction: (contact, trigger) => setSingle({ contact, trigger }),
      }),
    [companyId, rowAction, permissions.bulk],
  );
  const { column, desc } = splitSort(query.sort);
  const filter: MatchingSelection = {
    tab,
    q: query.q,
    vendor: query.vendor,
    project: query.project,
    origin: query.origin,
  };
  const { table, selected, pageSelected, allMatching, selectAllMatching, clearSelection } = useDataTable({
    columns,
    data: rows,
    total,
    sort: { id: column, desc },
    onSortChange: (sort) => void setQuery({ sort: `${sort.id}.${sort.desc ? "desc" : "asc"}` as SortValue, page: 1 }),
    hidden: query.hide,
    queryKey: JSON.stringify(filter),
  });
  const matching = allMatching ? { count: total, filter } : undefined;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const tableRows = table.getRowModel().rows;
  const width = headers.length;

  return (
    <div className="space-y-4">
      <TableToolbar q={urlQuery.q} onSearch={setSearch}>
        {permissions.bulk && (
          <BulkActions
            companyId={companyId}
            projectId={projectId}
            tab={tab}
            selected={selected}
            matching={matching}
            onDone={clearSelection}
          />
        )}
        <DirectoryActions
          companyId={companyId}
          projectId={projectId}
          canAdd={permissions.addContacts}
          canAddFromDirectory={permissions.addFromDirectory}
          vendors={vendors}
          exportHref={exportHref}
          importHref={importHref}
        />
      </TableToolbar>
      <TableFilters query={urlQuery} vendors={vendors} projects={projects} onChange={(patch) => void setQuery(patch)} />
      {permissions.bulk && pageSelected && total > rows.length && (
        <SelectAllBanner
          pageCount={rows.length}
          total={total}
          allMatching={allMatching}
          onSelectAll={selectAllMatching}
          onClear={clearSelection}
        />
      )}

      <TableScroll
        label={tab === "contacts" ? "Contacts table" : "Inactive contacts table"}
        aria-busy={isPending}
        className={`transition-opacity ${isPending ? "opacity-60" : ""}`}
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
            {tableRows.map((row, i) => {
              const group = row.original.vendor?.name ?? "No company";
              const startsGroup =
                query.group === "company" &&
                (i === 0 || (tableRows[i - 1]!.original.vendor?.name ?? "No company") !== group);
              return (
                <Fragment key={row.id}>
                  {startsGroup && (
                    <tr className="bg-slate-50">
                      <th colSpan={width} scope="colgroup" className="px-4 py-2 text-xs font-semibold text-slate-700">
                        {group}
                      </th>
                    </tr>
                  )}
                  <tr className={row.getIsSelected() ? "bg-brand-50" : "hover:bg-slate-50"}>
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className="px-4 py-2.5 text-slate-700">
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
          <EmptyState
            tab={tab}
            filtered={Boolean(query.q || query.vendor || query.project || query.origin)}
            q={query.q}
            onClear={() => void setQuery({ q: "", vendor: null, project: null, origin: null, page: 1 })}
          />
        )}
      </TableScroll>

      <TablePagination
        page={query.page}
        perPage={query.perPage}
        total={total}
        onPage={(page) => void setQuery({ page })}
        onPerPage={(perPage) => void setQuery({ perPage, page: 1 })}
      />
      {single && (
        <LifecycleDialog
          kind={rowAction}
          companyId={companyId}
          projectId={projectId}
          contacts={[single.contact]}
          open
          onOpenChange={(open) => !open && setSingle(null)}
          onDone={() => setSingle(null)}
          returnFocus={() => single.trigger?.focus()}
        />
      )}
    </div>
  );
}

function SelectAllBanner({
  pageCount,
  total,
  allMatching,
  onSelectAll,
  onClear,
}: {
  pageCount: number;
  total: number;
  allMatching: boolean;
  onSelectAll: () => void;
  onClear: () => void;
}) {
  const n = (x: number) => x.toLocaleString("en-US");
  const link = "font-medium text-brand-700 underline hover:text-slate-900";
  return (
    <div
      aria-live="polite"
      className="rounded-md border border-brand-100 bg-brand-50 px-4 py-2 text-center text-sm text-slate-800"
    >
      {allMatching ? (
        <>
          All {n(total)} matching contacts are selected.{" "}
          <button type="button" onClick={onClear} className={link}>
            Clear selection
          </button>
        </>
      ) : total > MAX_BULK_CONTACTS ? (
        <>
          All {n(pageCount)} contacts on this page are selected. {n(total)} contacts match: a bulk action can change at
          most {n(MAX_BULK_CONTACTS)} at once, so narrow the search or filters to act on all of them.
        </>
      ) : (
        <>
          All {n(pageCount)} contacts on this page are selected.{" "}
          <button type="button" onClick={onSelectAll} className={link}>
            Select all {n(total)} matching contacts
          </button>
        </>
      )}
    </div>
  );
}

function EmptyState({
  tab,
  filtered,
  q,
  onClear,
}: {
  tab: DirectoryTab;
  filtered: boolean;
  q: string;
  onClear: () => void;
}) {
  return (
    <div role="status" className="px-6 py-12 text-center">
      {filtered ? (
        <>
          <p className="font-medium text-slate-900">
            {q ? `No contacts match “${q}”` : "No contacts match these filters"}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            Check the spelling, or search by email, phone, job title or company.
          </p>
          <button type="button" onClick={onClear} className="mt-3 text-sm font-medium text-brand-700 underline">
            Clear search and filters
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
