"use client";

import { DropdownMenu } from "radix-ui";
import type { RefObject } from "react";
import { BulkActionsButton } from "./bulk-actions-button";
import { useFocusFirstItemOnEntry, type MenuOpening } from "./menu-on-first-use";

type Props = {
  n: number;
  label: string;
  onChoose: () => void;
  triggerRef: RefObject<HTMLButtonElement | null>;
  opening: MenuOpening;
};

/** The Bulk Actions menu, loaded by BulkActions on first use. */
export function BulkActionsMenu({ n, label, onChoose, triggerRef, opening }: Props) {
  const onFocus = useFocusFirstItemOnEntry(opening);
  return (
    <DropdownMenu.Root modal={false} defaultOpen>
      <DropdownMenu.Trigger asChild>
        <BulkActionsButton
          ref={triggerRef}
          n={n}
          onPointerDown={(e) => n === 0 && e.preventDefault()}
          onKeyDown={(e) => n === 0 && e.key !== "Tab" && e.preventDefault()}
        />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={4}
          onFocus={onFocus}
          className="min-w-40 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Item
            onSelect={onChoose}
            className="cursor-pointer rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100"
          >
            {label}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
