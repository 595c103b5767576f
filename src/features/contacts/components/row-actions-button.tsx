"use client";

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
    <button type="button" aria-label={`Actions for ${name}`} className="row-menu-button" {...props}>
      {/* A glyph, not an inline SVG icon: this button is on every row, and each icon's markup
          would be half a kilobyte of every directory page. */}
      <span aria-hidden>⋯</span>
    </button>
  );
}
