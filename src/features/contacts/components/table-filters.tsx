"use client";

import { Columns3 } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import type { ContactOrigin } from "@/generated/prisma/enums";
import { CONTACT_ORIGINS, ORIGIN_LABELS } from "../contact-schemas";
import { HIDEABLE_COLUMNS, type DirectoryQuery, type HideableColumn } from "../validations";

export type FilterOption = { id: string; name: string };

const COLUMN_LABELS: Record<HideableColumn, string> = {
  company: "Company",
  jobTitle: "Job title",
  email: "Email",
  phone: "Phone",
  projects: "Projects",
};

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
        <select className={select} value={query.vendor ?? ""} onChange={(e) => onChange({ vendor: e.target.value || null, page: 1 })}>
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
          <select className={select} value={query.project ?? ""} onChange={(e) => onChange({ project: e.target.value || null, page: 1 })}>
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
          className="size-4 accent-brand-600"
          checked={query.group === "company"}
          onChange={(e) => onChange({ group: e.target.checked ? "company" : null, page: 1 })}
        />
        Group by company
      </label>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <button type="button" className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 hover:bg-slate-50">
            <Columns3 aria-hidden className="size-4" />
            Columns
          </button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="start" sideOffset={4} className="min-w-40 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
            {HIDEABLE_COLUMNS.map((column) => {
              const visible = !query.hide.includes(column);
              return (
                <DropdownMenu.CheckboxItem
                  key={column}
                  checked={visible}
                  onSelect={(e) => e.preventDefault()}
                  onCheckedChange={(checked) =>
                    onChange({ hide: checked ? query.hide.filter((c) => c !== column) : [...query.hide, column] })
                  }
                  className="flex cursor-pointer items-center gap-2 rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100"
                >
                  <span aria-hidden className="w-4">{visible ? "✓" : ""}</span>
                  {COLUMN_LABELS[column]}
                </DropdownMenu.CheckboxItem>
              );
            })}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  );
}
