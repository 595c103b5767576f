"use client";

import { createColumnHelper, type ColumnDef } from "@tanstack/react-table";
import { selectColumn } from "@/components/data-table/select-column";
import type { DataTableFeatures } from "@/components/data-table/use-data-table";
import type { PermissionLevel } from "@/generated/prisma/enums";
import type { CompanyUser } from "@/server/users/list-company-users";
import { LEVELS as PERMISSION_LEVELS, LEVEL_LABELS } from "@/server/permissions/levels";
import { ProjectLevelsCell, ProjectLevelsText } from "./project-levels-cell";

const helper = createColumnHelper<DataTableFeatures, CompanyUser>();
const select = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const when = (date: Date | null) => (date ? dateFormat.format(new Date(date)) : "Never");

export type UsersColumnsOptions = {
  companyId: string;
  canManage: boolean;
  onLevel: (user: CompanyUser, level: PermissionLevel | null, projectId?: string) => void;
  onResend: (user: CompanyUser) => void;
  onRevoke: (user: CompanyUser) => void;
};

/** The Users tabs' columns: select first, then who, where they stand, their levels; invitation actions last. */
export function getUsersTableColumns({ companyId, canManage, onLevel, onResend, onRevoke }: UsersColumnsOptions) {
  const columns: ColumnDef<DataTableFeatures, CompanyUser, unknown>[] = [
    ...(canManage
      ? [selectColumn<CompanyUser>((u) => u.name) as ColumnDef<DataTableFeatures, CompanyUser, unknown>]
      : []),
    helper.accessor("name", {
      id: "name",
      header: "Name",
      cell: ({ row: { original: u } }) => (
        <>
          <span className="font-medium text-slate-900">{u.name}</span>
          {u.contactId && (
            <a
              href={`/companies/${companyId}/contacts/${u.contactId}`}
              className="block text-xs text-brand-700 underline"
              aria-label={`Contact record of ${u.name}`}
            >
              Contact record
            </a>
          )}
        </>
      ),
    }) as ColumnDef<DataTableFeatures, CompanyUser, unknown>,
    helper.accessor("email", { id: "email", header: "Email" }) as ColumnDef<DataTableFeatures, CompanyUser, unknown>,
    helper.display({
      id: "status",
      header: "Status",
      enableSorting: false,
      cell: ({ row: { original: u } }) =>
        u.status === "INVITED" ? (
          <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900">
            Invited{u.invitation ? ` ${when(u.invitation.sentAt)}` : ""}
          </span>
        ) : u.status === "INACTIVE" ? (
          <span className="text-slate-600">Inactive since {when(u.inactivatedAt)}</span>
        ) : (
          "Active"
        ),
    }),
    helper.display({
      id: "companyLevel",
      header: "Company Directory",
      enableSorting: false,
      cell: ({ row: { original: u } }) =>
        canManage ? (
          <select
            aria-label={`Company Directory level for ${u.name}`}
            className={select}
            defaultValue={u.companyLevel}
            onChange={(e) => onLevel(u, e.target.value as PermissionLevel)}
          >
            {PERMISSION_LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        ) : (
          LEVEL_LABELS[u.companyLevel]
        ),
    }),
    helper.display({
      id: "projectLevels",
      header: "Project Directories",
      enableSorting: false,
      cell: ({ row: { original: u } }) =>
        canManage ? (
          <ProjectLevelsCell companyId={companyId} user={u} onLevel={onLevel} />
        ) : (
          <ProjectLevelsText user={u} />
        ),
    }),
    helper.accessor("lastSignInAt", {
      id: "lastSignIn",
      header: "Last sign-in",
      cell: ({ row }) => when(row.original.lastSignInAt),
    }) as ColumnDef<DataTableFeatures, CompanyUser, unknown>,
  ];
  if (canManage)
    columns.push(
      helper.display({
        id: "actions",
        header: () => <span className="sr-only">Invitation</span>,
        enableSorting: false,
        cell: ({ row: { original: u } }) =>
          u.status === "INVITED" && u.invitation ? (
            <div className="flex gap-2 whitespace-nowrap">
              <button type="button" className="text-sm text-brand-700 underline" onClick={() => onResend(u)}>
                Resend invitation
              </button>
              <button type="button" className="text-sm text-red-700 underline" onClick={() => onRevoke(u)}>
                Revoke invitation
              </button>
            </div>
          ) : null,
      }),
    );
  return columns;
}
