"use client";

import type { ContactOrigin } from "@/generated/prisma/enums";
import { CONTACT_ORIGINS, ORIGIN_LABELS } from "../origins";
import type { DirectoryQuery } from "@/shared/directory-query";
import { ColumnsButton, type ColumnsChooserProps } from "./columns-button";
import { useMenuOnFirstUse } from "@/components/data-table/menu-on-first-use";

export type FilterOption = { id: string; name: string };

type Props = {
  query: Pick<DirectoryQuery, "vendor" | "project" | "origin" | "group" | "hide">;
  vendors: FilterOption[];
  /** Offered on the company directory; a project's directory is already one project. */
  projects?: FilterOption[];
  onChange: (patch: Partial<DirectoryQuery>) => void;
};

const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** Filter by company, project and origin; group by company; choose the visible columns. */
export function TableFilters({ query, vendors, projects, onChange }: Props) {
  return (
    <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-3 text-sm">
      <label className="flex items-center gap-2">
        Company
        <select
          className={select}
          value={query.vendor ?? ""}
          onChange={(e) => onChange({ vendor: e.target.value || null, page: 1 })}
        >
          <option value="">All companies</option>
          {vendors.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      {projects && (
        <label className="flex items-center gap-2">
          Project
          <select
            className={select}
            value={query.project ?? ""}
            onChange={(e) => onChange({ project: e.target.value || null, page: 1 })}
          >
            <option value="">All projects</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="flex items-center gap-2">
        Created from
        <select
          className={select}
          value={query.origin ?? ""}
          onChange={(e) => onChange({ origin: (e.target.value || null) as ContactOrigin | null, page: 1 })}
        >
          <option value="">Any tool</option>
          {CONTACT_ORIGINS.map((o) => (
            <option key={o} value={o}>
              {ORIGIN_LABELS[o]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          className="size-6 accent-brand-600"
          checked={query.group === "company"}
          onChange={(e) => onChange({ group: e.target.checked ? "company" : null, page: 1 })}
        />
        Group by company
      </label>
      <ColumnsChooser hide={query.hide} onChange={onChange} />
    </div>
  );
}

const loadColumnsMenu = () => import("./columns-menu").then((m) => m.ColumnsMenu);

/** The Columns button; its menu loads on first use. */
function ColumnsChooser(props: ColumnsChooserProps) {
  const { loaded, triggerProps } = useMenuOnFirstUse(loadColumnsMenu);
  if (loaded) return <loaded.Menu {...props} opening={loaded.opening} />;
  return <ColumnsButton {...triggerProps} />;
}
