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
  const countId = useId();
  const { loaded, triggerProps } = useMenuOnFirstUse(loadMenu, { disabled: n === 0 });
  return (
    <>
      {loaded ? (
        <loaded.Menu n={n} items={items} triggerRef={triggerRef} opening={loaded.opening} describedBy={countId} />
      ) : (
        <BulkActionsButton n={n} aria-describedby={countId} {...triggerProps} />
      )}
      <span id={countId} hidden>
        {n === 0 ? `Select ${plural} to act on them` : `${n.toLocaleString("en-US")} selected`}
      </span>
    </>
  );
}
