"use client";

import { MoreHorizontal } from "lucide-react";
import type { ComponentProps } from "react";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import type { LifecycleKind } from "./lifecycle-kind";

export type RowActionsProps = {
  contact: ContactListRow;
  name: string;
  href: string;
  /** The change this row offers, if the user may make it. */
  kind: LifecycleKind | null;
  onAction: (contact: ContactListRow, trigger: HTMLButtonElement | null) => void;
};

export function RowActionsButton({ name, ...props }: ComponentProps<"button"> & { name: string }) {
  return (
    <button
      type="button"
      aria-label={`Actions for ${name}`}
      className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
      {...props}
    >
      <MoreHorizontal aria-hidden className="size-4" />
    </button>
  );
}
