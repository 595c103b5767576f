"use client";

import { Columns3 } from "lucide-react";
import type { ComponentProps } from "react";
import type { DirectoryQuery, HideableColumn } from "@/shared/directory-query";

export const COLUMN_LABELS: Record<HideableColumn, string> = {
  company: "Company",
  jobTitle: "Job title",
  email: "Email",
  phone: "Phone",
  projects: "Projects",
};

export type ColumnsChooserProps = { hide: HideableColumn[]; onChange: (patch: Partial<DirectoryQuery>) => void };

export function ColumnsButton(props: ComponentProps<"button">) {
  return (
    <button
      type="button"
      className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 hover:bg-slate-50"
      {...props}
    >
      <Columns3 aria-hidden className="size-4" />
      Columns
    </button>
  );
}
