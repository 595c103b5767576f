"use client";

import { useCallback, useState } from "react";
import { Combobox, optionsOf } from "@/components/ui/combobox";
import type { ContactOrigin } from "@/generated/prisma/enums";
import { searchProjectOptionsAction } from "@/features/projects/actions";
import { CompanyPicker, type ChosenCompany } from "@/features/vendors/components/company-picker";
import { CONTACT_ORIGINS, ORIGIN_LABELS } from "../origins";
import type { DirectoryQuery } from "@/shared/directory-query";
import { ColumnsButton, type ColumnsChooserProps } from "./columns-button";
import { useMenuOnFirstUse } from "@/components/data-table/menu-on-first-use";

export type FilterOption = { id: string; name: string };

/** The Company filter: the company whose companies it searches, and the chosen one as the server named it. */
export type CompanyFilter = { companyId: string; selected: ChosenCompany | null };

export type ProjectFilter = { companyId: string; selected: FilterOption | null };

type Props = {
  query: Pick<DirectoryQuery, "vendor" | "project" | "origin" | "group" | "hide">;
  companyFilter: CompanyFilter;
  /**
   * Offered on the company directory (a project's directory is already one project): the
   * company whose projects it searches, and the chosen one's name.
   */
  projectFilter?: ProjectFilter;
  onChange: (patch: Partial<DirectoryQuery>) => void;
};

const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** Filter by company, project and origin; group by company; choose the visible columns. */
export function TableFilters({ query, companyFilter, projectFilter, onChange }: Props) {
  return (
    <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-3 text-sm">
      <CompanyPicker
        companyId={companyFilter.companyId}
        layout="inline"
        noneLabel="All companies"
        initial={query.vendor && companyFilter.selected?.id === query.vendor ? companyFilter.selected : null}
        onChange={(vendor) => onChange({ vendor, page: 1 })}
      />
      {projectFilter && <ProjectCombobox filter={projectFilter} value={query.project} onChange={onChange} />}
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

/** The Project filter: the company's projects are too many to send with the page, so it asks the server. */
function ProjectCombobox({
  filter: { companyId, selected },
  value,
  onChange,
}: {
  filter: ProjectFilter;
  value: string | null;
  onChange: Props["onChange"];
}) {
  const search = useCallback((q: string) => optionsOf(searchProjectOptionsAction({ companyId, q })), [companyId]);
  // The name of the project just chosen, until the page the server renders for it names it too.
  const [chosen, setChosen] = useState<FilterOption | null>(null);
  const named = [chosen, selected].find((p) => p && p.id === value);
  return (
    <Combobox
      label="Project"
      layout="inline"
      value={value}
      selectedLabel={named?.name ?? null}
      noneLabel="All projects"
      search={search}
      onChange={(project, name) => {
        setChosen(project && name ? { id: project, name } : null);
        onChange({ project, page: 1 });
      }}
    />
  );
}

const loadColumnsMenu = () => import("./columns-menu").then((m) => m.ColumnsMenu);

/** The Columns button; its menu loads on first use. */
function ColumnsChooser(props: ColumnsChooserProps) {
  const { loaded, triggerProps } = useMenuOnFirstUse(loadColumnsMenu);
  if (loaded) return <loaded.Menu {...props} opening={loaded.opening} />;
  return <ColumnsButton {...triggerProps} />;
}
