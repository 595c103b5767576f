"use client";

import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import { useRef } from "react";
import { useFocusFirstItemOnEntry, type MenuOpening } from "@/components/data-table/menu-on-first-use";
import { LIFECYCLE_LABELS } from "./lifecycle-kind";
import { RowActionsButton, type RowActionsProps } from "./row-actions-button";

/** The row's menu, loaded by RowActions on first use. */
export function RowActionsMenu({
  contact,
  name,
  href,
  kind,
  onAction,
  opening,
}: RowActionsProps & { opening: MenuOpening }) {
  const trigger = useRef<HTMLButtonElement>(null);
  const onFocus = useFocusFirstItemOnEntry(opening);
  return (
    <DropdownMenu.Root modal={false} defaultOpen>
      <DropdownMenu.Trigger asChild>
        <RowActionsButton ref={trigger} name={name} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          onFocus={onFocus}
          className="z-50 min-w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Item
            asChild
            className="block cursor-pointer rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100"
          >
            <Link href={href}>View contact</Link>
          </DropdownMenu.Item>
          {kind && (
            <DropdownMenu.Item
              onSelect={() => onAction(contact, trigger.current)}
              className="cursor-pointer rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100"
            >
              {LIFECYCLE_LABELS[kind]}
            </DropdownMenu.Item>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
