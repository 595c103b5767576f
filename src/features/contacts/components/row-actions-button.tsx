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
    // Its glyph (⋯) is drawn by CSS (globals.css .row-menu-button): this button is on every
    // row, and an inline SVG icon would be half a kilobyte of every directory page.
    <button type="button" aria-label={`Actions for ${name}`} className="row-menu-button" {...props} />
  );
}
