"use client";

import { useMemo, useRef, useState } from "react";
import { BulkActionsTrigger, type BulkActionItem } from "@/components/data-table/bulk-actions-trigger";
import { DataTable } from "@/components/data-table/data-table";
import { SelectAllBanner } from "@/components/data-table/select-all-banner";
import { TablePagination } from "@/components/data-table/table-pagination";
import { TableToolbar } from "@/components/data-table/table-toolbar";
import { useDataTable } from "@/components/data-table/use-data-table";
import { Button } from "@/components/ui/button";
import { VendorKind } from "@/generated/prisma/enums";
import type { VendorRecord } from "@/server/vendors/vendor-select";
import { MAX_BULK_VENDORS, VENDOR_KIND_LABELS } from "@/shared/vendor-fields";
import { splitVendorSort, type VendorQuery, type VendorSortValue, type VendorTab } from "@/shared/vendor-query";
import { getCompaniesTableColumns } from "./companies-table-columns";
import { MergeDialog } from "./merge-dialog";
import { useVendorQuery } from "./use-vendor-query";
import { VendorFormDialog } from "./vendor-form-dialog";
import { VendorStatusDialog } from "./vendor-status-dialog";

export type CompaniesPermissions = { bulk: boolean; add: boolean };

type Props = {
  companyId: string;
  tab: VendorTab;
  rows: VendorRecord[];
  total: number;
  query: VendorQuery;
  permissions: CompaniesPermissions;
  exportHref: string;
};

/** The Companies and Inactive Companies tabs: the table kit with the companies' columns, actions and dialogs. */
export function CompaniesTable({ companyId, tab, rows, total, query, permissions, exportHref }: Props) {
  const { query: urlQuery, setQuery, setSearch, isPending } = useVendorQuery();
  const columns = useMemo(
    () => getCompaniesTableColumns({ companyId, selectable: permissions.bulk }),
    [companyId, permissions.bulk],
  );
  const { column, desc } = splitVendorSort(query.sort);
  const filter = { q: query.q, kind: query.kind };
  const { table, selected, pageSelected, allMatching, selectAllMatching, clearSelection } = useDataTable({
    columns,
    data: rows,
    total,
    sort: { id: column, desc },
    onSortChange: (sort) =>
      void setQuery({ sort: `${sort.id}.${sort.desc ? "desc" : "asc"}` as VendorSortValue, page: 1 }),
    hidden: [],
    queryKey: JSON.stringify([tab, filter]),
  });
  const [dialog, setDialog] = useState<"status" | "merge" | "add" | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const n = allMatching ? total : selected.length;
  const inactivating = tab === "companies";
  const items: BulkActionItem[] = [
    { label: inactivating ? "Inactivate" : "Reactivate", onSelect: () => setDialog("status") },
    ...(inactivating
      ? [
          {
            label: "Merge",
            onSelect: () => setDialog("merge"),
            disabled: allMatching || selected.length < 2 || selected.length > 10,
          },
        ]
      : []),
  ];

  return (
    <div className="space-y-4">
      <TableToolbar
        q={urlQuery.q}
        onSearch={setSearch}
        searchLabel="Search companies"
        placeholder="Name, trade, phone, email, license…"
      >
        {permissions.bulk && <BulkActionsTrigger n={n} items={items} plural="companies" triggerRef={triggerRef} />}
        {permissions.add && inactivating && (
          <Button variant="primary" onClick={() => setDialog("add")}>
            Add Company
          </Button>
        )}
        <a
          href={exportHref}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
        >
          Export CSV
        </a>
      </TableToolbar>
      <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2">
          Kind
          <select
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            value={urlQuery.kind ?? ""}
            onChange={(e) => void setQuery({ kind: (e.target.value || null) as VendorKind | null, page: 1 })}
          >
            <option value="">Any kind</option>
            {Object.values(VendorKind).map((k) => (
              <option key={k} value={k}>
                {VENDOR_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {permissions.bulk && pageSelected && total > rows.length && (
        <SelectAllBanner
          plural="companies"
          max={MAX_BULK_VENDORS}
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
        caption={inactivating ? "Companies" : "Inactive companies"}
        empty={query.q || query.kind ? "No companies match the search." : "No companies here yet."}
      />
      <TablePagination
        plural="companies"
        page={query.page}
        perPage={query.perPage}
        total={total}
        onPage={(page) => void setQuery({ page })}
        onPerPage={(perPage) => void setQuery({ perPage, page: 1 })}
      />
      {dialog === "status" && (
        <VendorStatusDialog
          companyId={companyId}
          to={inactivating ? "INACTIVE" : "ACTIVE"}
          vendors={selected}
          matching={allMatching ? { count: total, filter } : undefined}
          onClose={() => {
            setDialog(null);
            triggerRef.current?.focus();
          }}
          onDone={clearSelection}
        />
      )}
      {dialog === "merge" && (
        <MergeDialog
          companyId={companyId}
          vendors={selected}
          onClose={() => {
            setDialog(null);
            triggerRef.current?.focus();
          }}
          onDone={clearSelection}
        />
      )}
      {dialog === "add" && <VendorFormDialog companyId={companyId} onClose={() => setDialog(null)} />}
    </div>
  );
}
