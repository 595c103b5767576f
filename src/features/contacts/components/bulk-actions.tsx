"use client";

import { useRef, useState } from "react";
import { BulkActionsTrigger } from "@/components/data-table/bulk-actions-trigger";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import type { DirectoryTab } from "@/shared/directory-query";
import { toast } from "@/lib/toast";
import { MAX_MERGE_CONTACTS } from "@/shared/directory-query";
import { loadMergeCandidatesAction } from "../merge-actions";
import type { MergeCandidate } from "../merge-candidate";
import { LifecycleDialog, MergeDialog } from "./lazy-dialogs";
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
  const [merging, setMerging] = useState<MergeCandidate[] | null>(null);
  const kind = lifecycleKind(tab, projectId);
  const n = matching?.count ?? selected.length;
  // Merge: on the company directory, 2 to 10 ticked contacts (not "all matching").
  const canMerge = !projectId && !matching && n >= 2 && n <= MAX_MERGE_CONTACTS;

  async function openMerge() {
    const result = await loadMergeCandidatesAction({ companyId, contactIds: selected.map((c) => c.id) });
    if (result.error !== null) toast.error(result.error);
    else setMerging(result.data);
  }

  return (
    <>
      <BulkActionsTrigger
        n={n}
        plural="contacts"
        triggerRef={triggerRef}
        items={[
          { label: LIFECYCLE_LABELS[kind], onSelect: () => setDialog(kind) },
          ...(projectId ? [] : [{ label: "Merge", onSelect: () => void openMerge(), disabled: !canMerge }]),
        ]}
      />
      {merging && (
        <MergeDialog
          companyId={companyId}
          contacts={merging}
          open
          onOpenChange={(open) => !open && setMerging(null)}
          onDone={() => {
            setMerging(null);
            onDone();
          }}
          returnFocus={() => triggerRef.current?.focus()}
        />
      )}
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
