"use client";

import { TableScroll } from "@/components/ui/table-scroll";
import { startTransition, useActionState, useTransition } from "react";
import { toast } from "@/lib/toast";
import type { PermissionLevel } from "@/generated/prisma/enums";
import type { CompanyUser } from "@/server/users/list-company-users";
import { LEVEL_LABELS } from "@/server/permissions/levels";
import { addUserAction, setPermissionAction, type AddUserState } from "../actions";
import { PERMISSION_LEVELS } from "../validations";
import { Button } from "@/components/ui/button";

type Props = {
  companyId: string;
  users: CompanyUser[];
  projects: { id: string; name: string }[];
  /** Company admins add users and set levels; others see the list. */
  canManage: boolean;
};

const select = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

export function UsersView({ companyId, users, projects, canManage }: Props) {
  const [pending, start] = useTransition();
  function save(userId: string, level: PermissionLevel | null, projectId?: string) {
    start(async () => {
      const result = await setPermissionAction({ companyId, userId, level, ...(projectId ? { projectId } : {}) });
      if (result.error !== null) toast.error(result.error);
      else toast.success("Permission saved");
    });
  }
  return (
    <div className="space-y-6">
      <TableScroll label="Users table">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Users with a login</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">
                Name
              </th>
              <th scope="col" className="px-4 py-3">
                Email
              </th>
              <th scope="col" className="px-4 py-3">
                Company Directory
              </th>
              <th scope="col" className="px-4 py-3">
                Project Directories
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" aria-busy={pending}>
            {users.map((user) => (
              <tr key={user.id}>
                <td className="px-4 py-2.5 font-medium">{user.name}</td>
                <td className="px-4 py-2.5">{user.email}</td>
                <td className="px-4 py-2.5">
                  {canManage ? (
                    <select
                      aria-label={`Company Directory level for ${user.name}`}
                      className={select}
                      defaultValue={user.companyLevel}
                      onChange={(e) => save(user.id, e.target.value as PermissionLevel)}
                    >
                      {PERMISSION_LEVELS.map((l) => (
                        <option key={l} value={l}>
                          {LEVEL_LABELS[l]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    LEVEL_LABELS[user.companyLevel]
                  )}
                </td>
                <td className="px-4 py-2.5">
                  {canManage ? (
                    <details>
                      <summary className="cursor-pointer text-brand-700">
                        {projectLevelSummary(Object.keys(user.projectLevels).length)}
                      </summary>
                      <ul className="mt-2 space-y-1">
                        {projects.map((p) => (
                          <li key={p.id} className="flex items-center justify-between gap-3">
                            <span>{p.name}</span>
                            <select
                              aria-label={`${p.name} Directory level for ${user.name}`}
                              className={select}
                              defaultValue={user.projectLevels[p.id] ?? ""}
                              onChange={(e) => save(user.id, (e.target.value || null) as PermissionLevel | null, p.id)}
                            >
                              <option value="">Company level</option>
                              {PERMISSION_LEVELS.map((l) => (
                                <option key={l} value={l}>
                                  {LEVEL_LABELS[l]}
                                </option>
                              ))}
                            </select>
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : (
                    projects
                      .filter((p) => user.projectLevels[p.id])
                      .map((p) => `${p.name}: ${LEVEL_LABELS[user.projectLevels[p.id]!]}`)
                      .join(", ") || "Company level everywhere"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {canManage && <AddUserForm companyId={companyId} />}
    </div>
  );
}

function AddUserForm({ companyId }: { companyId: string }) {
  const [state, action, pending] = useActionState<AddUserState, FormData>(addUserAction, {});
  const field = (name: string, label: string, type = "text") => (
    <div>
      <label htmlFor={`user-${name}`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={`user-${name}`}
        name={name}
        type={type}
        autoComplete={type === "password" ? "new-password" : "off"}
        aria-invalid={state.errors?.[name] ? true : undefined}
        aria-describedby={state.errors?.[name] ? `user-${name}-error` : undefined}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      {state.errors?.[name] && (
        <p id={`user-${name}-error`} className="mt-1 text-sm text-red-700">
          {state.errors[name]}
        </p>
      )}
    </div>
  );
  return (
    <section aria-labelledby="add-user" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="add-user" className="font-semibold">
        Add User
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const form = e.currentTarget;
          startTransition(async () => {
            action(data);
            form.reset();
          });
        }}
        className="mt-3 grid gap-4 sm:grid-cols-2"
      >
        <input type="hidden" name="companyId" value={companyId} />
        {field("name", "Name")}
        {field("email", "Email", "email")}
        {field("password", "First password", "password")}
        <div>
          <label htmlFor="user-level" className="block text-sm font-medium text-slate-700">
            Company Directory level
          </label>
          <select
            id="user-level"
            name="level"
            defaultValue="READ_ONLY"
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {PERMISSION_LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" variant="primary" disabled={pending}>
            Add User
          </Button>
          <p role="status" className={`text-sm ${state.added ? "text-green-800" : "text-red-700"}`}>
            {state.added ?? state.message}
          </p>
        </div>
      </form>
    </section>
  );
}

function projectLevelSummary(n: number) {
  if (n === 0) return "Company level on every project";
  return `Own level on ${n} ${n === 1 ? "project" : "projects"}`;
}
