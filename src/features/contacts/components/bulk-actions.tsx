"use client";

import { ChevronDown } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { useRef, useState } from "react";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import type { DirectoryTab } from "../validations";
import { LifecycleDialog, type LifecycleKind, type MatchingChoice } from "./lifecycle-dialog";

type Props = {
  companyId: string;
  /** Set on a project's directory, where the action is Remove from Project. */
  projectId?: string;
  tab: DirectoryTab;
  selected: ContactListRow[];
  /** Set when "Select all N matching contacts" is on: the action covers all of them. */
  matching?: MatchingChoice;
  onDone: () => void;
};

const LABEL: Record<LifecycleKind, string> = {
  inactivate: "Inactivate",
  reactivate: "Reactivate",
  remove: "Remove from Project",
};

/** The Bulk Actions button and menu; shown on a tab whose rows can be selected. */
export function BulkActions({ companyId, projectId, tab, selected, matching, onDone }: Props) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  const [dialog, setDialog] = useState<LifecycleKind | null>(null);
  // Inactivation is company-wide, so it lives on the company directory; a project's
  // directory manages who is on that project.
  const kind: LifecycleKind = projectId ? "remove" : tab === "contacts" ? "inactivate" : "reactivate";
  const n = matching?.count ?? selected.length;

  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <button
            ref={triggerRef}
            type="button"
            // aria-disabled rather than disabled: the button stays focusable, so focus can
            // return to it after the dialog closes and the selection has cleared.
            aria-disabled={n === 0}
            onPointerDown={(e) => n === 0 && e.preventDefault()}
            onKeyDown={(e) => n === 0 && e.key !== "Tab" && e.preventDefault()}
            aria-describedby="bulk-actions-count"
            className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
          >
            Bulk Actions
            {n > 0 && (
              <span aria-hidden className="rounded-full bg-brand-600 px-2 py-0.5 text-xs text-white tabular-nums">
                {n.toLocaleString("en-US")}
              </span>
            )}
            <ChevronDown aria-hidden className="size-4" />
          </button>
        </DropdownMenu.Trigger>
        <span id="bulk-actions-count" hidden>
          {n === 0 ? "Select contacts to act on them" : `${n.toLocaleString("en-US")} selected`}
        </span>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="start"
            sideOffset={4}
            className="min-w-40 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
          >
            <DropdownMenu.Item
              onSelect={() => setDialog(kind)}
              className="cursor-pointer rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100"
            >
              {LABEL[kind]}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {dialog && (
        <LifecycleDialog
          kind={dialog}
          companyId={companyId}
          projectId={projectId}
          contacts={selected}
          matching={matching}
          open
          onOpenChange={(open) => !open && setDialog(null)}
          onDone={() => {
            setDialog(null);
            onDone();
          }}
          returnFocus={() => triggerRef.current?.focus()}
        />
      )}
    </>
  );
}
