"use client";

import { useMemo } from "react";
import { DataTable, TableEmpty } from "@/components/data-table/data-table";
import { TablePagination } from "@/components/data-table/table-pagination";
import { TableToolbar } from "@/components/data-table/table-toolbar";
import { useDataTable } from "@/components/data-table/use-data-table";
import type { ProjectListItem } from "@/server/projects/list-projects";
import { splitProjectSort, type ProjectSortValue, type ProjectsQuery } from "@/shared/project-query";
import { NewProjectButton } from "./new-project-dialog";
import { getProjectsTableColumns } from "./projects-table-columns";
import { useProjectsQuery } from "./use-projects-query";

type Props = {
  companyId: string;
  rows: ProjectListItem[];
  total: number;
  /** The query the server rendered these rows for. */
  query: ProjectsQuery;
  /** Company Directory admins create projects. */
  canCreate: boolean;
};

/** The Projects page's table: search, sort and page in the URL, one page of projects from the server. */
export function ProjectsTable({ companyId, rows, total, query, canCreate }: Props) {
  const { query: urlQuery, setQuery, setSearch, isPending } = useProjectsQuery();
  const columns = useMemo(() => getProjectsTableColumns(companyId), [companyId]);
  const { column, desc } = splitProjectSort(query.sort);
  const { table } = useDataTable({
    columns,
    data: rows,
    total,
    sort: { id: column, desc },
    onSortChange: (sort) =>
      void setQuery({ sort: `${sort.id}.${sort.desc ? "desc" : "asc"}` as ProjectSortValue, page: 1 }),
    hidden: [],
    queryKey: query.q,
  });
  return (
    <div className="space-y-4">
      <TableToolbar q={urlQuery.q} onSearch={setSearch} searchLabel="Search projects" placeholder="Name or number…">
        {canCreate && <NewProjectButton companyId={companyId} />}
      </TableToolbar>
      <DataTable
        table={table}
        isPending={isPending}
        caption={`Projects${query.q ? ` matching “${query.q}”` : ""}`}
        empty={
          query.q ? (
            <TableEmpty
              title={`No projects match “${query.q}”`}
              hint="Search by a part of the project's name or number."
              clearLabel="Clear search"
              onClear={() => void setQuery({ q: "", page: 1 })}
            />
          ) : (
            <TableEmpty title="No projects yet" hint={canCreate ? "Create one with New Project." : undefined} />
          )
        }
      />
      <TablePagination
        plural="projects"
        page={query.page}
        perPage={query.perPage}
        total={total}
        onPage={(page) => void setQuery({ page })}
        onPerPage={(perPage) => void setQuery({ perPage, page: 1 })}
      />
    </div>
  );
}
