"use client";

import { useMemo, useState } from "react";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import {
  MAX_BULK_CONTACTS,
  splitSort,
  type DirectoryQuery,
  type DirectoryTab,
  type MatchingSelection,
  type SortValue,
} from "@/shared/directory-query";
import { unpackContactRows, type PackedContactRow } from "../packed-rows";
import { BulkActions } from "./bulk-actions";
import { DataTable, TableEmpty } from "@/components/data-table/data-table";
import { SelectAllBanner } from "@/components/data-table/select-all-banner";
import { useDataTable } from "@/components/data-table/use-data-table";
import { getContactsTableColumns } from "./contacts-table-columns";
import { DirectoryActions } from "./directory-actions";
import { LifecycleDialog } from "./lazy-dialogs";
import { lifecycleKind } from "./lifecycle-kind";
import { TableFilters, type CompanyFilter, type ProjectFilter } from "./table-filters";
import { TablePagination } from "@/components/data-table/table-pagination";
import { TableToolbar } from "@/components/data-table/table-toolbar";
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
  /** This page's contacts, packed (see packed-rows.ts). */
  packedRows: PackedContactRow[];
  total: number;
  /** The query the server rendered these rows for. */
  query: DirectoryQuery;
  /** The Company filter's chosen company, named (and marked when inactive) by the server. */
  companyFilter: CompanyFilter;
  /** The company directory's Project filter. */
  projectFilter?: ProjectFilter;
  exportHref: string;
  /** The import wizard, for those who may import here. */
  importHref?: string;
};

export function ContactsTable({
  companyId,
  permissions,
  projectId,
  tab,
  packedRows,
  total,
  query,
  companyFilter,
  projectFilter,
  exportHref,
  importHref,
}: Props) {
  const { query: urlQuery, setQuery, setSearch, isPending } = useDirectoryQuery();
  const rows = useMemo(() => unpackContactRows(packedRows), [packedRows]);
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
  const width = table.getVisibleLeafColumns().length;

  return (
    <div className="space-y-4">
      <TableToolbar
        q={urlQuery.q}
        onSearch={setSearch}
        searchLabel="Search contacts"
        placeholder="Name, email, phone, job title, company…"
      >
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
          exportHref={exportHref}
          importHref={importHref}
        />
      </TableToolbar>
      <TableFilters
        query={urlQuery}
        companyFilter={companyFilter}
        projectFilter={projectFilter}
        onChange={(patch) => void setQuery(patch)}
      />
      {permissions.bulk && pageSelected && total > rows.length && (
        <SelectAllBanner
          plural="contacts"
          max={MAX_BULK_CONTACTS}
          pageCount={rows.length}
          total={total}
          allMatching={allMatching}
          onSelectAll={selectAllMatching}
          onClear={clearSelection}
        />
      )}

      <DataTable
        table={table}
        isPending={isPending}
        caption={`${tab === "contacts" ? "Contacts" : "Inactive contacts"}${query.q ? ` matching “${query.q}”` : ""}`}
        before={(row, i, tableRows) => {
          if (query.group !== "company") return null;
          const group = groupOf(row.original);
          if (i > 0 && groupOf(tableRows[i - 1]!.original) === group) return null;
          return (
            <tr className="bg-slate-50">
              <th colSpan={width} scope="colgroup" className="px-4 py-2 text-xs font-semibold text-slate-700">
                {group}
              </th>
            </tr>
          );
        }}
        card={{
          title: "name",
          fields: ["company", "jobTitle", "projects"],
          badge: tab === "contacts" ? { label: "Active", tone: "positive" } : { label: "Inactive", tone: "neutral" },
        }}
        empty={
          <EmptyState
            tab={tab}
            filtered={Boolean(query.q || query.vendor || query.project || query.origin)}
            q={query.q}
            onClear={() => void setQuery({ q: "", vendor: null, project: null, origin: null, page: 1 })}
          />
        }
      />

      <TablePagination
        plural="contacts"
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

const groupOf = (contact: ContactListRow) => contact.vendor?.name ?? "No company";

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
  if (filtered)
    return (
      <TableEmpty
        title={q ? `No contacts match “${q}”` : "No contacts match these filters"}
        hint="Check the spelling, or search by email, phone, job title or company."
        onClear={onClear}
      />
    );
  return tab === "contacts" ? (
    <TableEmpty title="No active contacts" />
  ) : (
    <TableEmpty title="No inactive contacts" hint="People you inactivate appear here, ready to reactivate." />
  );
}
