"use client";

import { ChevronDown } from "lucide-react";
import { useRef, useState, type ComponentProps } from "react";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import type { DirectoryTab } from "@/shared/directory-query";
import { LifecycleDialog } from "./lazy-dialogs";
import { useMenuOnFirstUse } from "./menu-on-first-use";
import type { LifecycleKind, MatchingChoice } from "./lifecycle-dialog";

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

/** The Bulk Actions button: aria-disabled until rows are selected. */
export function BulkActionsButton({ n, ...props }: ComponentProps<"button"> & { n: number }) {
  return (
    <button
      type="button"
      // aria-disabled rather than disabled: the button stays focusable, so focus can
      // return to it after the dialog closes and the selection has cleared.
      aria-disabled={n === 0}
      aria-describedby="bulk-actions-count"
      className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
      {...props}
    >
      Bulk Actions
      {n > 0 && (
        <span aria-hidden className="rounded-full bg-brand-600 px-2 py-0.5 text-xs text-white tabular-nums">
          {n.toLocaleString("en-US")}
        </span>
      )}
      <ChevronDown aria-hidden className="size-4" />
    </button>
  );
}

const loadMenu = () => import("./bulk-actions-menu").then((m) => m.BulkActionsMenu);

/** The Bulk Actions button and menu (loaded on first use); shown on a tab whose rows can be selected. */
export function BulkActions({ companyId, projectId, tab, selected, matching, onDone }: Props) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  const [dialog, setDialog] = useState<LifecycleKind | null>(null);
  // Inactivation is company-wide, so it lives on the company directory; a project's
  // directory manages who is on that project.
  const kind: LifecycleKind = projectId ? "remove" : tab === "contacts" ? "inactivate" : "reactivate";
  const n = matching?.count ?? selected.length;
  const { loaded, triggerProps } = useMenuOnFirstUse(loadMenu, { disabled: n === 0 });

  return (
    <>
      {loaded ? (
        <loaded.Menu n={n} label={LABEL[kind]} onChoose={() => setDialog(kind)} triggerRef={triggerRef} opening={loaded.opening} />
      ) : (
        <BulkActionsButton n={n} {...triggerProps} />
      )}
      <span id="bulk-actions-count" hidden>
        {n === 0 ? "Select contacts to act on them" : `${n.toLocaleString("en-US")} selected`}
      </span>
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
