"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { ReasonField } from "@/components/data-table/reason-field";
import { RemovableList } from "@/components/data-table/removable-list";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { undoableToast } from "@/features/history/components/undoable-toast";
import { toast } from "@/lib/toast";
import {
  countProjectDirectoriesAction,
  inactivateContactsAction,
  reactivateContactsAction,
  type LifecycleSummary,
} from "../actions";
import { removeContactsFromProjectAction } from "../membership-actions";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import { fullName } from "../contact-name";
import type { LifecycleKind } from "./lifecycle-kind";
import type { MatchingSelection } from "@/shared/directory-query";

/** "All N matching contacts": the server resolves who from the tab's search and filters. */
export type MatchingChoice = { count: number; filter: MatchingSelection };

const COPY = {
  reactivate: {
    title: "Reactivate Contacts",
    confirm: "Reactivate",
    pending: "Reactivating…",
    action: reactivateContactsAction,
    effect: (n: number, p: number | null) =>
      `${count(n, "contact")} will move to the Contacts tab and return to ${directories(p)}.`,
    effectMatching: (n: number) =>
      `All ${count(n, "contact")} matching the search and filters will move to the Contacts tab and return to their project directories.`,
    done: (s: LifecycleSummary) =>
      `Reactivated ${count(s.changed, "contact")} — back on ${count(s.projectsAffected, "project directory", "project directories")}`,
  },
  inactivate: {
    title: "Inactivate Contacts",
    confirm: "Inactivate",
    pending: "Inactivating…",
    action: inactivateContactsAction,
    effect: (n: number, p: number | null) =>
      `${count(n, "contact")} will move to Inactive Contacts and leave ${directories(p)}. They will no longer appear in project tools.`,
    effectMatching: (n: number) =>
      `All ${count(n, "contact")} matching the search and filters will move to Inactive Contacts and leave their project directories. They will no longer appear in project tools.`,
    done: (s: LifecycleSummary) =>
      `Inactivated ${count(s.changed, "contact")} — off ${count(s.projectsAffected, "project directory", "project directories")}`,
  },
  remove: {
    title: "Remove from Project",
    confirm: "Remove",
    pending: "Removing…",
    action: removeContactsFromProjectAction,
    effect: (n: number) =>
      `${count(n, "contact")} will leave this project's directory and its crews. They stay in the company directory, and the project keeps their history.`,
    effectMatching: (n: number) =>
      `All ${count(n, "contact")} matching the search and filters will leave this project's directory and its crews. They stay in the company directory, and the project keeps their history.`,
    done: (s: LifecycleSummary) => `Removed ${count(s.changed, "contact")} from the project`,
  },
} as const;

function count(n: number, one: string, many = `${one}s`) {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** "3 project directories", or, until the server has counted them, "their project directories". */
function directories(p: number | null) {
  return p === null ? "their project directories" : count(p, "project directory", "project directories");
}

/**
 * The distinct project directories the chosen contacts are on in the status the change
 * moves them from, counted by the server when the dialog opens and after each X.
 */
function useProjectCount(companyId: string, kind: LifecycleKind, ids: string[], enabled: boolean) {
  const [counted, setCounted] = useState<{ key: string; count: number } | null>(null);
  const key = ids.join(",");
  useEffect(() => {
    if (!enabled || kind === "remove" || key === "") return;
    let live = true;
    countProjectDirectoriesAction({
      companyId,
      contactIds: key.split(","),
      status: kind === "inactivate" ? "ACTIVE" : "INACTIVE",
    })
      .then((result) => {
        if (live && result.error === null) setCounted({ key, count: result.data });
      })
      // Without the count the dialog says "their project directories"; the change itself still works.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [companyId, kind, key, enabled]);
  return counted?.key === key ? counted.count : null;
}

type Props = {
  kind: LifecycleKind;
  companyId: string;
  /** The project a removal applies to. */
  projectId?: string;
  contacts: ContactListRow[];
  /** Instead of contacts: everything matching the tab's query. */
  matching?: MatchingChoice;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: () => void;
  /** Puts focus back where the dialog was opened from (the Bulk Actions button, say). */
  returnFocus: () => void;
};

export function LifecycleDialog({
  kind,
  companyId,
  projectId,
  contacts,
  matching,
  open,
  onOpenChange,
  onDone,
  returnFocus,
}: Props) {
  const copy = COPY[kind];
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const [pending, startTransition] = useTransition();
  const [reason, setReason] = useState("");
  // One key per opened dialog: a double-clicked (or retried) confirm applies once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const cancelRef = useRef<HTMLButtonElement>(null);
  const chosen = contacts.filter((c) => !dropped.has(c.id));
  const projectCount = useProjectCount(
    companyId,
    kind,
    chosen.map((c) => c.id),
    open && !matching,
  );

  function handleOpenChange(next: boolean) {
    if (pending) return;
    if (!next) {
      setDropped(new Set());
      setReason("");
    }
    onOpenChange(next);
  }

  function confirm() {
    startTransition(async () => {
      try {
        const result = await copy.action({
          companyId,
          ...(projectId ? { projectId } : {}),
          ...(matching ? { matching: matching.filter } : { contactIds: chosen.map((c) => c.id) }),
          ...(reason.trim() ? { reason } : {}),
          idempotencyKey,
        });
        if (result.error !== null) {
          toast.error(result.error);
          return;
        }
        const skipped = result.data.skipped.length;
        undoableToast(copy.done(result.data), {
          companyId,
          batchId: result.data.batchId,
          description: skipped
            ? `${count(skipped, "contact was", "contacts were")} skipped: ${[...new Set(result.data.skipped.map((s) => s.reason))].join(", ")}.`
            : undefined,
        });
        setDropped(new Set());
        setReason("");
        setIdempotencyKey(crypto.randomUUID());
        onDone();
      } catch {
        toast.error("Nothing was changed: Rollcall could not reach the server. Try again.");
      }
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={handleOpenChange}
      // Start on Cancel, the harmless choice, not on the first person's X.
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        cancelRef.current?.focus();
      }}
      onCloseAutoFocus={(event) => {
        event.preventDefault();
        returnFocus();
      }}
      className="flex max-h-[85dvh] w-[min(32rem,calc(100vw-2rem))] flex-col"
      title={copy.title}
      description={
        matching
          ? copy.effectMatching(matching.count)
          : chosen.length > 0
            ? copy.effect(chosen.length, projectCount)
            : "No contacts chosen. Cancel and select contacts in the table."
      }
    >
      <RemovableList
        label="Chosen contacts"
        hidden={chosen.length === 0 || Boolean(matching)}
        items={chosen.map((contact) => ({ id: contact.id, name: fullName(contact), hint: contact.vendor?.name }))}
        onRemove={(id) => setDropped((d) => new Set(d).add(id))}
        disabled={pending}
        focusWhenEmpty={() => cancelRef.current?.focus()}
      />
      <ReasonField value={reason} onChange={setReason} disabled={pending} />
      <div className="mt-6 flex justify-end gap-2">
        <DialogCancel ref={cancelRef} disabled={pending} />
        <Button
          variant="primary"
          onClick={confirm}
          disabled={(!matching && chosen.length === 0) || pending}
          aria-busy={pending}
          className="disabled:cursor-not-allowed"
        >
          {pending ? copy.pending : copy.confirm}
        </Button>
      </div>
    </Dialog>
  );
}
