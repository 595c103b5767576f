"use client";

import { DropdownMenu } from "radix-ui";
import type { RefObject } from "react";
import { BulkActionsButton } from "./bulk-actions-button";
import { useFocusFirstItemOnEntry, type MenuOpening } from "./menu-on-first-use";

/** One entry of a Bulk Actions menu: Inactivate, Merge, … */
export type BulkActionItem = { label: string; onSelect: () => void; disabled?: boolean };

type Props = {
  n: number;
  items: readonly BulkActionItem[];
  triggerRef: RefObject<HTMLButtonElement | null>;
  opening: MenuOpening;
  describedBy?: string;
};

/** The Bulk Actions menu, loaded by BulkActionsTrigger on first use. */
export function BulkActionsMenu({ n, items, triggerRef, opening, describedBy }: Props) {
  const onFocus = useFocusFirstItemOnEntry(opening);
  return (
    <DropdownMenu.Root modal={false} defaultOpen>
      <DropdownMenu.Trigger asChild>
        <BulkActionsButton
          ref={triggerRef}
          n={n}
          aria-describedby={describedBy}
          onPointerDown={(e) => n === 0 && e.preventDefault()}
          onKeyDown={(e) => n === 0 && e.key !== "Tab" && e.preventDefault()}
        />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={4}
          onFocus={onFocus}
          className="z-50 min-w-40 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          {items.map((item) => (
            <DropdownMenu.Item
              key={item.label}
              onSelect={item.onSelect}
              disabled={item.disabled}
              className="cursor-pointer rounded px-3 py-2 text-sm outline-none data-[disabled]:cursor-not-allowed data-[disabled]:text-slate-400 data-[highlighted]:bg-slate-100"
            >
              {item.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
