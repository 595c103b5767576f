"use client";

import { MoreHorizontal } from "lucide-react";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import { useRef } from "react";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import type { LifecycleKind } from "./lifecycle-dialog";

export const ROW_ACTION_LABEL: Record<LifecycleKind, string> = {
  inactivate: "Inactivate",
  reactivate: "Reactivate",
  remove: "Remove from Project",
};

type Props = {
  contact: ContactListRow;
  name: string;
  href: string;
  /** The change this row offers, if the user may make it. */
  kind: LifecycleKind | null;
  onAction: (contact: ContactListRow, trigger: HTMLButtonElement | null) => void;
};

/** The last cell of a row: view the contact, or change just this one. */
export function RowActions({ contact, name, href, kind, onAction }: Props) {
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button
          ref={trigger}
          type="button"
          aria-label={`Actions for ${name}`}
          className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
        >
          <MoreHorizontal aria-hidden className="size-4" />
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="min-w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Item asChild className="block cursor-pointer rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100">
            <Link href={href}>View contact</Link>
          </DropdownMenu.Item>
          {kind && (
            <DropdownMenu.Item
              onSelect={() => onAction(contact, trigger.current)}
              className="cursor-pointer rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100"
            >
              {ROW_ACTION_LABEL[kind]}
            </DropdownMenu.Item>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
