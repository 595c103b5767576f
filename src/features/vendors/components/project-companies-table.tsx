"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { debounce, useQueryStates } from "nuqs";
import { useMemo, useTransition } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { TablePagination } from "@/components/data-table/table-pagination";
import { TableToolbar } from "@/components/data-table/table-toolbar";
import { useDataTable, type DataTableFeatures } from "@/components/data-table/use-data-table";
import { VendorKind } from "@/generated/prisma/enums";
import type { ProjectVendorRecord } from "@/server/vendors/list-project-vendors";
import { VENDOR_KIND_LABELS } from "@/shared/vendor-fields";
import {
  PROJECT_VENDOR_SORTABLE_COLUMNS,
  projectVendorSearchParams,
  splitProjectVendorSort,
  type ProjectVendorQuery,
  type ProjectVendorSortValue,
} from "@/shared/project-vendor-query";
import { companyLabel } from "@/shared/vendor-query";

const helper = createColumnHelper<DataTableFeatures, ProjectVendorRecord>();
const sortable = (id: string) => (PROJECT_VENDOR_SORTABLE_COLUMNS as readonly string[]).includes(id);

/** A project's Companies tab's columns; the sortable ones are exactly the server's. */
function getProjectCompaniesColumns(companyId: string) {
  return helper
    .columns([
      helper.accessor("name", {
        id: "name",
        header: "Name",
        cell: ({ row }) => (
          <Link
            href={`/companies/${companyId}/vendors/${row.original.id}`}
            className="font-medium text-brand-700 hover:underline"
          >
            {companyLabel(row.original)}
          </Link>
        ),
      }),
      helper.accessor((v) => VENDOR_KIND_LABELS[v.kind], { id: "kind", header: "Kind" }),
      helper.accessor((v) => v.trade ?? "", { id: "trade", header: "Trade" }),
      helper.accessor("memberCount", {
        id: "members",
        header: "People on project",
        cell: ({ getValue }) => (
          <span className="tabular-nums">
            {getValue().toLocaleString("en-US")}
            {/* A phone's card has no column headers: the count says what it counts. */}
            <span className="md:hidden"> {getValue() === 1 ? "person" : "people"} on the project</span>
          </span>
        ),
      }),
      helper.accessor((v) => v.phone ?? "", { id: "phone", header: "Phone" }),
    ])
    .map((column) => ({ ...column, enableSorting: sortable(column.id ?? "") }));
}

type Props = { companyId: string; rows: ProjectVendorRecord[]; total: number; query: ProjectVendorQuery };

/** A project directory's Companies tab: the companies whose people are on the project, read-only. */
export function ProjectCompaniesTable({ companyId, rows, total, query }: Props) {
  const [isPending, startTransition] = useTransition();
  const [urlQuery, setQuery] = useQueryStates(projectVendorSearchParams, { shallow: false, startTransition });
  const columns = useMemo(() => getProjectCompaniesColumns(companyId), [companyId]);
  const { column, desc } = splitProjectVendorSort(query.sort);
  const { table } = useDataTable({
    columns,
    data: rows,
    total,
    sort: { id: column, desc },
    onSortChange: (sort) =>
      void setQuery({ sort: `${sort.id}.${sort.desc ? "desc" : "asc"}` as ProjectVendorSortValue, page: 1 }),
    hidden: [],
    queryKey: JSON.stringify([query.q, query.kind]),
  });

  return (
    <div className="space-y-4">
      <TableToolbar
        q={urlQuery.q}
        onSearch={(q) => void setQuery({ q, page: 1 }, { limitUrlUpdates: q ? debounce(300) : undefined })}
        searchLabel="Search companies"
        placeholder="Name, trade, phone, email, license…"
      />
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
      <DataTable
        table={table}
        isPending={isPending}
        caption="Companies on this project"
        empty={
          <p className="px-4 py-8 text-center text-slate-600">
            {query.q || query.kind
              ? "No companies on this project match the search."
              : "Nobody on this project works for a company in the directory yet."}
          </p>
        }
        card={{ title: "name", fields: ["kind", "trade", "members", "phone"] }}
      />
      <TablePagination
        plural="companies"
        page={query.page}
        perPage={query.perPage}
        total={total}
        onPage={(page) => void setQuery({ page })}
        onPerPage={(perPage) => void setQuery({ perPage, page: 1 })}
      />
    </div>
  );
}
