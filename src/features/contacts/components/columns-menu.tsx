"use client";

import { DropdownMenu } from "radix-ui";
import { HIDEABLE_COLUMNS } from "@/shared/directory-query";
import { useFocusFirstItemOnEntry, type MenuOpening } from "@/components/data-table/menu-on-first-use";
import { COLUMN_LABELS, ColumnsButton, type ColumnsChooserProps } from "./columns-button";

/** The Columns menu, loaded by TableFilters on first use. */
export function ColumnsMenu({ hide, onChange, opening }: ColumnsChooserProps & { opening: MenuOpening }) {
  const onFocus = useFocusFirstItemOnEntry(opening);
  return (
    <DropdownMenu.Root modal={false} defaultOpen>
      <DropdownMenu.Trigger asChild>
        <ColumnsButton />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={4}
          onFocus={onFocus}
          className="z-50 min-w-40 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          {HIDEABLE_COLUMNS.map((column) => {
            const visible = !hide.includes(column);
            return (
              <DropdownMenu.CheckboxItem
                key={column}
                checked={visible}
                onSelect={(e) => e.preventDefault()}
                onCheckedChange={(checked) =>
                  onChange({ hide: checked ? hide.filter((c) => c !== column) : [...hide, column] })
                }
                className="flex cursor-pointer items-center gap-2 rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100"
              >
                <span aria-hidden className="w-4">
                  {visible ? "✓" : ""}
                </span>
                {COLUMN_LABELS[column]}
              </DropdownMenu.CheckboxItem>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
