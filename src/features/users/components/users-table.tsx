"use client";

import { debounce, useQueryStates } from "nuqs";
import { useMemo, useRef, useState, useTransition } from "react";
import { BulkActionsTrigger } from "@/components/data-table/bulk-actions-trigger";
import { DataTable, TableEmpty } from "@/components/data-table/data-table";
import { TablePagination } from "@/components/data-table/table-pagination";
import { TableToolbar } from "@/components/data-table/table-toolbar";
import { useDataTable } from "@/components/data-table/use-data-table";
import { toast } from "@/lib/toast";
import type { CompanyUser } from "@/server/users/list-company-users";
import { usersSearchParams, type UserSortValue } from "@/shared/users-query";
import { resendInvitationAction, revokeInvitationAction, setPermissionAction } from "../actions";
import { ProjectNamesContext } from "./project-levels-cell";
import { getUsersTableColumns } from "./users-table-columns";
import { UserStatusDialog } from "./user-status-dialog";

type Props = {
  companyId: string;
  tab: "users" | "inactive-users";
  users: CompanyUser[];
  total: number;
  /** The projects this page's users have their own level on, named. */
  projects: { id: string; name: string }[];
  /** Company admins select, inactivate, reactivate, invite and set levels; others read. */
  canManage: boolean;
};

/** The Users and Inactive Users tabs: the shared table kit with the users' columns and actions. */
export function UsersTable({ companyId, tab, users, total, projects, canManage }: Props) {
  const [isPending, startTransition] = useTransition();
  const [query, setQuery] = useQueryStates(usersSearchParams, { shallow: false, startTransition });
  const [dialogOpen, setDialogOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const [saving, startSaving] = useTransition();

  const projectNames = useMemo(() => new Map(projects.map((p) => [p.id, p.name])), [projects]);
  const columns = useMemo(
    () =>
      getUsersTableColumns({
        companyId,
        canManage,
        onLevel: (user, level, projectId) =>
          startSaving(async () => {
            const result = await setPermissionAction({
              companyId,
              userId: user.id,
              level,
              ...(projectId ? { projectId } : {}),
            });
            if (result.error !== null) toast.error(result.error);
            else toast.success("Permission saved");
          }),
        onResend: (user) =>
          startSaving(async () => {
            const result = await resendInvitationAction({ companyId, userId: user.id });
            if (result.error !== null) toast.error(result.error);
            else toast.success(`Invitation sent again to ${user.email}`);
          }),
        onRevoke: (user) =>
          startSaving(async () => {
            const result = await revokeInvitationAction({ companyId, invitationId: user.invitation!.id });
            if (result.error !== null) toast.error(result.error);
            else toast.success(`Invitation to ${user.email} revoked`);
          }),
      }),
    [canManage, companyId],
  );
  const [field, direction] = query.sort.split(".") as [string, "asc" | "desc"];
  const { table, selected, clearSelection } = useDataTable({
    columns,
    data: users,
    total,
    sort: { id: field, desc: direction === "desc" },
    onSortChange: (sort) =>
      void setQuery({ sort: `${sort.id}.${sort.desc ? "desc" : "asc"}` as UserSortValue, page: 1 }),
    hidden: [],
    queryKey: `${tab}:${query.q}`,
  });
  const [q, setQ] = useState(query.q);
  const kind = tab === "users" ? "inactivate" : "reactivate";

  return (
    <div className="space-y-4">
      <TableToolbar
        q={q}
        onSearch={(value) => {
          setQ(value);
          void setQuery({ q: value, page: 1 }, { limitUrlUpdates: value ? debounce(300) : undefined });
        }}
        searchLabel="Search users"
        placeholder="Search by name or email"
      >
        {canManage && (
          <BulkActionsTrigger
            n={selected.length}
            plural="users"
            triggerRef={triggerRef}
            items={[
              tab === "users"
                ? { label: "Inactivate", onSelect: () => setDialogOpen(true) }
                : { label: "Reactivate", onSelect: () => setDialogOpen(true) },
            ]}
          />
        )}
      </TableToolbar>
      <ProjectNamesContext value={projectNames}>
        <DataTable
          table={table}
          caption={tab === "users" ? "Users with a login" : "Inactive users"}
          isPending={isPending || saving}
          empty={
            <TableEmpty
              title={query.q ? "No users match this search" : tab === "users" ? "No users yet" : "No inactive users"}
              onClear={query.q ? () => (setQ(""), void setQuery({ q: "", page: 1 })) : undefined}
              clearLabel="Clear search"
            />
          }
        />
      </ProjectNamesContext>
      <TablePagination
        plural="users"
        page={query.page}
        perPage={query.perPage}
        total={total}
        onPage={(page) => void setQuery({ page })}
        onPerPage={(perPage) => void setQuery({ perPage, page: 1 })}
      />
      {canManage && (
        <UserStatusDialog
          kind={kind}
          companyId={companyId}
          users={selected}
          open={dialogOpen}
          onOpenChange={setDialogOpen}
          onDone={() => {
            setDialogOpen(false);
            clearSelection();
          }}
          returnFocus={() => triggerRef.current?.focus()}
        />
      )}
    </div>
  );
}
