"use client";

import { useRef, useState } from "react";
import { BulkActionsTrigger } from "@/components/data-table/bulk-actions-trigger";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import type { DirectoryTab } from "@/shared/directory-query";
import { LifecycleDialog } from "./lazy-dialogs";
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

/** The contacts' Bulk Actions: the tab's lifecycle change, in its confirm dialog. */
export function BulkActions({ companyId, projectId, tab, selected, matching, onDone }: Props) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  const [dialog, setDialog] = useState<LifecycleKind | null>(null);
  const kind = lifecycleKind(tab, projectId);
  const n = matching?.count ?? selected.length;

  return (
    <>
      <BulkActionsTrigger
        n={n}
        plural="contacts"
        triggerRef={triggerRef}
        items={[{ label: LIFECYCLE_LABELS[kind], onSelect: () => setDialog(kind) }]}
      />
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
