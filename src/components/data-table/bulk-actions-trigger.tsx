"use client";

import { useId, type RefObject } from "react";
import { BulkActionsButton } from "./bulk-actions-button";
import type { BulkActionItem } from "./bulk-actions-menu";
import { useMenuOnFirstUse } from "./menu-on-first-use";

export type { BulkActionItem } from "./bulk-actions-menu";

type Props = {
  /** How many rows the actions would cover (the page's ticks, or all matching). */
  n: number;
  items: readonly BulkActionItem[];
  /** What the rows are, for the hint read with the button: "Select contacts to act on them". */
  plural: string;
  /** The button, so a dialog the menu opened can give focus back to it. */
  triggerRef: RefObject<HTMLButtonElement | null>;
};

const loadMenu = () => import("./bulk-actions-menu").then((m) => m.BulkActionsMenu);

/**
 * A table's Bulk Actions button and its menu (loaded on first use). The entity's own
 * component decides the items and the dialogs they open.
 */
export function BulkActionsTrigger({ n, items, plural, triggerRef }: Props) {
  const hintId = useId();
  // With nothing selected the button says how to start; then its name says how many ("Bulk Actions, 3 selected").
  const hint = n === 0 ? hintId : undefined;
  const { loaded, triggerProps } = useMenuOnFirstUse(loadMenu, { disabled: n === 0 });
  return (
    <>
      {loaded ? (
        <loaded.Menu n={n} items={items} triggerRef={triggerRef} opening={loaded.opening} describedBy={hint} />
      ) : (
        <BulkActionsButton n={n} aria-describedby={hint} {...triggerProps} />
      )}
      <span id={hintId} hidden>
        Select {plural} to act on them
      </span>
      {/* Says each change of the selection once, politely; the button's name carries the count too. */}
      <span role="status" className="sr-only">
        {n === 0 ? "" : `${n.toLocaleString("en-US")} selected`}
      </span>
    </>
  );
}
