"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { DataTableFeatures } from "@/components/data-table/use-data-table";
import type { ProjectStatus } from "@/generated/prisma/enums";
import type { ProjectListItem } from "@/server/projects/list-projects";
import { PROJECT_SORTABLE_COLUMNS } from "@/shared/project-query";

const helper = createColumnHelper<DataTableFeatures, ProjectListItem>();
const sortable = (id: string) => (PROJECT_SORTABLE_COLUMNS as readonly string[]).includes(id);

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  BIDDING: "Bidding",
  ACTIVE: "Active",
  ON_HOLD: "On hold",
  COMPLETED: "Completed",
};

const count = (n: number) => n.toLocaleString("en-US");

/** The Projects table's columns: name (the project's directory), number, status, its directory's counts, its tools. */
export function getProjectsTableColumns(companyId: string) {
  const href = (projectId: string, tool: "directory/contacts" | "crews") =>
    `/companies/${companyId}/projects/${projectId}/${tool}`;
  return helper
    .columns([
      helper.accessor("name", {
        id: "name",
        header: "Name",
        cell: ({ row }) => (
          <Link
            href={href(row.original.id, "directory/contacts")}
            className="font-medium text-slate-900 hover:underline"
          >
            {row.original.name}
          </Link>
        ),
      }),
      helper.accessor((p) => p.number ?? "", { id: "number", header: "Number" }),
      helper.accessor("status", { header: "Status", cell: ({ getValue }) => PROJECT_STATUS_LABELS[getValue()] }),
      helper.accessor("activeContacts", { header: "Contacts", cell: ({ getValue }) => count(getValue()) }),
      helper.accessor("inactiveContacts", { header: "Inactive", cell: ({ getValue }) => count(getValue()) }),
      helper.display({
        id: "tools",
        header: () => <span className="sr-only">Tools</span>,
        cell: ({ row }) => (
          <Link href={href(row.original.id, "crews")} className="text-brand-700 hover:underline">
            Crews
          </Link>
        ),
      }),
    ])
    .map((column) => ({ ...column, enableSorting: sortable(column.id ?? ""), enableHiding: false }));
}
