"use client";

import { createContext, use, useCallback, useState } from "react";
import { Combobox, optionsOf } from "@/components/ui/combobox";
import type { PermissionLevel } from "@/generated/prisma/enums";
import type { CompanyUser } from "@/server/users/list-company-users";
import { LEVELS, LEVEL_LABELS } from "@/server/permissions/levels";
import { searchProjectOptionsAction } from "@/features/projects/actions";

// Project 2 before Project 10, as the Projects page sorts.
const byName = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const select = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/**
 * The names of the projects this page's users have their own level on. A context, not a
 * column option: a new list after a change must not rebuild the columns (which would
 * remount every cell and close the list the admin has open).
 */
export const ProjectNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

type Props = {
  companyId: string;
  user: CompanyUser;
  onLevel: (user: CompanyUser, level: PermissionLevel | null, projectId: string) => void;
};

/** A user's own project levels as text, for those who may not change them. */
export function ProjectLevelsText({ user }: { user: CompanyUser }) {
  const projectNames = use(ProjectNamesContext);
  const own = Object.entries(user.projectLevels).map(
    ([id, level]) => `${projectNames.get(id) ?? "A project"}: ${LEVEL_LABELS[level]}`,
  );
  return own.sort(byName.compare).join(", ") || "Company level everywhere";
}

/**
 * A user's own levels on project directories, for those who manage users: the projects
 * where the user's level differs from their company level, each with its level (choose
 * "Company level" to remove it), and a searchable project picker to give one more. Only
 * those projects are on the page — a company has up to 1,500, and a select for each was
 * 600 kB of HTML per user — and the picker is written when the list is opened.
 */
export function ProjectLevelsCell({ companyId, user, onLevel }: Props) {
  const projectNames = use(ProjectNamesContext);
  const [open, setOpen] = useState(false);
  const own = Object.entries(user.projectLevels)
    .map(([projectId, level]) => ({ projectId, level, name: projectNames.get(projectId) ?? "A project" }))
    .sort((a, b) => byName.compare(a.name, b.name));
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-brand-700">{summary(own.length)}</summary>
      {open && (
        <div className="mt-2 space-y-2">
          {own.length > 0 && (
            <ul className="space-y-1">
              {own.map(({ projectId, level, name }) => {
                return (
                  <li key={projectId} className="flex items-center justify-between gap-3">
                    <span>{name}</span>
                    <select
                      aria-label={`${name} Directory level for ${user.name}`}
                      className={select}
                      defaultValue={level}
                      onChange={(e) => onLevel(user, (e.target.value || null) as PermissionLevel | null, projectId)}
                    >
                      <option value="">Company level</option>
                      {LEVELS.map((l) => (
                        <option key={l} value={l}>
                          {LEVEL_LABELS[l]}
                        </option>
                      ))}
                    </select>
                  </li>
                );
              })}
            </ul>
          )}
          <AddProjectLevel companyId={companyId} user={user} onLevel={onLevel} />
        </div>
      )}
    </details>
  );
}

function AddProjectLevel({ companyId, user, onLevel }: Props) {
  const [project, setProject] = useState<{ id: string; label: string } | null>(null);
  const [level, setLevel] = useState<PermissionLevel>("READ_ONLY");
  const search = useCallback((q: string) => optionsOf(searchProjectOptionsAction({ companyId, q })), [companyId]);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!project) return;
        onLevel(user, level, project.id);
        setProject(null);
      }}
    >
      <Combobox
        label={`Project for ${user.name}`}
        value={project?.id ?? null}
        selectedLabel={project?.label ?? null}
        onChange={(id, label) => setProject(id && label ? { id, label } : null)}
        search={search}
        placeholder="Search projects"
        className="w-48"
      />
      <select
        aria-label={`Level on that project for ${user.name}`}
        className={select}
        value={level}
        onChange={(e) => setLevel(e.target.value as PermissionLevel)}
      >
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {LEVEL_LABELS[l]}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={!project}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-50 disabled:opacity-50"
      >
        Set level
      </button>
    </form>
  );
}

function summary(n: number) {
  if (n === 0) return "Company level on every project";
  return `Own level on ${n} ${n === 1 ? "project" : "projects"}`;
}
