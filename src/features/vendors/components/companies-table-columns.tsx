"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { selectColumn } from "@/components/data-table/select-column";
import type { DataTableFeatures } from "@/components/data-table/use-data-table";
import type { VendorRecord } from "@/server/vendors/vendor-select";
import { VENDOR_KIND_LABELS } from "@/shared/vendor-fields";
import { VENDOR_SORTABLE_COLUMNS } from "@/shared/vendor-query";

const helper = createColumnHelper<DataTableFeatures, VendorRecord>();
const sortable = (id: string) => (VENDOR_SORTABLE_COLUMNS as readonly string[]).includes(id);

/** The Companies tabs' columns: select first; the sortable ones are exactly the server's. */
export function getCompaniesTableColumns({ companyId, selectable }: { companyId: string; selectable: boolean }) {
  const data = helper
    .columns([
      helper.accessor("name", {
        id: "name",
        header: "Name",
        cell: ({ row }) => (
          <Link
            href={`/companies/${companyId}/vendors/${row.original.id}`}
            className="font-medium text-brand-700 hover:underline"
          >
            {row.original.name}
          </Link>
        ),
      }),
      helper.accessor((v) => VENDOR_KIND_LABELS[v.kind], { id: "kind", header: "Kind" }),
      helper.accessor((v) => v.trade ?? "", { id: "trade", header: "Trade" }),
      helper.accessor("contactCount", {
        id: "contacts",
        header: "Contacts",
        cell: ({ getValue }) => <span className="tabular-nums">{getValue().toLocaleString("en-US")}</span>,
      }),
      helper.accessor("projectCount", {
        id: "projects",
        header: "Projects",
        cell: ({ getValue }) => <span className="tabular-nums">{getValue().toLocaleString("en-US")}</span>,
      }),
      helper.accessor((v) => v.phone ?? "", { id: "phone", header: "Phone" }),
    ])
    .map((column) => ({ ...column, enableSorting: sortable(column.id ?? "") }));
  return [...(selectable ? [selectColumn<VendorRecord>((v) => v.name)] : []), ...data];
}
