"use client";

import { useRef, useState } from "react";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import type { DirectoryTab } from "@/shared/directory-query";
import { LifecycleDialog } from "./lazy-dialogs";
import { useMenuOnFirstUse } from "./menu-on-first-use";
import { BulkActionsButton } from "./bulk-actions-button";
import type { MatchingChoice } from "./lifecycle-dialog";
import { LIFECYCLE_LABELS, lifecycleKind, type LifecycleKind } from "./lifecycle-kind";

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

const loadMenu = () => import("./bulk-actions-menu").then((m) => m.BulkActionsMenu);

/** The Bulk Actions button and menu (loaded on first use); shown on a tab whose rows can be selected. */
export function BulkActions({ companyId, projectId, tab, selected, matching, onDone }: Props) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  const [dialog, setDialog] = useState<LifecycleKind | null>(null);
  const kind = lifecycleKind(tab, projectId);
  const n = matching?.count ?? selected.length;
  const { loaded, triggerProps } = useMenuOnFirstUse(loadMenu, { disabled: n === 0 });

  return (
    <>
      {loaded ? (
        <loaded.Menu
          n={n}
          label={LIFECYCLE_LABELS[kind]}
          onChoose={() => setDialog(kind)}
          triggerRef={triggerRef}
          opening={loaded.opening}
        />
      ) : (
        <BulkActionsButton n={n} {...triggerProps} />
      )}
      <span id="bulk-actions-hint" hidden>
        Select contacts to act on them
      </span>
      {/* Says each change of the selection once, politely; the button's name carries it too. */}
      <span role="status" className="sr-only">
        {n === 0 ? "" : `${n.toLocaleString("en-US")} selected`}
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
