"use client";

import { useMemo, useRef, useState, useTransition } from "react";
import { ReasonField } from "@/components/data-table/reason-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { undoableToast } from "@/features/history/components/undoable-toast";
import { toast } from "@/lib/toast";
import { CONTACT_FIELD_LABELS, type ContactField } from "@/shared/contact-fields";
import { MERGE_FIELDS } from "@/shared/contact-merge";
import { mergeContactsAction } from "../merge-actions";
import type { MergeCandidate } from "../merge-candidate";

type Props = {
  companyId: string;
  contacts: MergeCandidate[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: () => void;
  returnFocus: () => void;
};

const name = (c: MergeCandidate) => `${c.firstName} ${c.lastName}`;

function count(n: number, one: string, many = `${one}s`) {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** A field's value as people read it. */
function shown(contact: MergeCandidate, field: ContactField): string {
  if (field === "vendorId") return contact.vendor?.name ?? "—";
  const value = contact[field];
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return value || "—";
}

/** The default contact to keep: the one on most projects, then the oldest (candidates come oldest first). */
export function defaultKeep(contacts: MergeCandidate[]): string {
  return [...contacts].sort((a, b) => b.memberships.length - a.memberships.length)[0]!.id;
}

/**
 * Merge Contacts: which contact to keep, per differing field whose value wins, what moves
 * (project directories, crew spots, history) in counts, an optional reason, then Merge.
 */
export function MergeDialog({ companyId, contacts, open, onOpenChange, onDone, returnFocus }: Props) {
  const [keepId, setKeepId] = useState(() => defaultKeep(contacts));
  const [choices, setChoices] = useState<Partial<Record<ContactField, string>>>({});
  const [status, setStatus] = useState<"ACTIVE" | "INACTIVE" | null>(null);
  const [reason, setReason] = useState("");
  const [pending, startTransition] = useTransition();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const cancelRef = useRef<HTMLButtonElement>(null);
  const keep = contacts.find((c) => c.id === keepId)!;
  const others = contacts.filter((c) => c.id !== keepId);

  // Per field that differs, one choice per distinct value (the first contact holding it).
  const differing = useMemo(
    () =>
      MERGE_FIELDS.flatMap((field) => {
        const options = new Map<string, MergeCandidate>();
        for (const c of contacts) {
          const key = JSON.stringify(field === "vendorId" ? (c.vendor?.id ?? null) : c[field]);
          if (!options.has(key)) options.set(key, c);
        }
        return options.size > 1 ? [{ field, options: [...options.values()] }] : [];
      }),
    [contacts],
  );
  const chosenFor = (field: ContactField, options: MergeCandidate[]) => {
    const picked = choices[field];
    if (picked && options.some((o) => o.id === picked)) return picked;
    // The kept contact's value, through whichever contact first holds it.
    const keepValue = JSON.stringify(field === "vendorId" ? (keep.vendor?.id ?? null) : keep[field]);
    return (
      options.find((o) => JSON.stringify(field === "vendorId" ? (o.vendor?.id ?? null) : o[field]) === keepValue)?.id ??
      keep.id
    );
  };

  const keptProjects = new Set(keep.memberships.map((m) => m.project.id));
  const newProjects = new Set(
    others.flatMap((c) => c.memberships.map((m) => m.project.id)).filter((id) => !keptProjects.has(id)),
  );
  const crewSpots = others.reduce((n, c) => n + c._count.crewSpots, 0);
  const history = others.reduce((n, c) => n + c._count.events, 0);
  const statusesDiffer = new Set(contacts.map((c) => c.status)).size > 1;
  const finalStatus = status ?? (keep.status === "INACTIVE" ? "INACTIVE" : "ACTIVE");

  function confirm() {
    const fields: Partial<Record<ContactField, string>> = {};
    for (const { field, options } of differing) {
      const from = chosenFor(field, options);
      if (from !== keep.id) fields[field] = from;
    }
    startTransition(async () => {
      try {
        const result = await mergeContactsAction({
          companyId,
          keepId,
          mergeIds: others.map((c) => c.id),
          fields,
          ...(finalStatus !== keep.status ? { status: finalStatus === "ACTIVE" ? "active" : "inactive" } : {}),
          ...(reason.trim() ? { reason } : {}),
          idempotencyKey,
        });
        if (result.error !== null) {
          toast.error(result.error);
          return;
        }
        undoableToast(`Merged ${count(others.length, "contact")} into ${result.data.name}`, {
          companyId,
          batchId: result.data.batchId,
        });
        onDone();
      } catch {
        toast.error("Nothing was merged: Rollcall could not reach the server. Try again.");
      }
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !pending && onOpenChange(next)}
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        cancelRef.current?.focus();
      }}
      onCloseAutoFocus={(event) => {
        event.preventDefault();
        returnFocus();
      }}
      className="flex max-h-[90vh] w-[min(40rem,calc(100vw-2rem))] flex-col"
      title="Merge Contacts"
      description={`${count(contacts.length, "contact")} become one. The others are kept, marked as merged, and leave every list; Undo takes the merge back.`}
    >
      <div className="mt-4 min-h-0 flex-1 space-y-4 overflow-y-auto pr-1">
        <fieldset>
          <legend className="text-sm font-medium">Contact to keep</legend>
          <div className="mt-2 space-y-1">
            {contacts.map((c) => (
              <label key={c.id} className="flex items-start gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50">
                <input
                  type="radio"
                  name="keep"
                  value={c.id}
                  checked={keepId === c.id}
                  onChange={() => {
                    setKeepId(c.id);
                    setChoices({});
                    setStatus(null);
                  }}
                  disabled={pending}
                  className="mt-0.5"
                />
                <span>
                  <span className="font-medium">{name(c)}</span>
                  <span className="text-slate-600">
                    {" "}
                    · {c.status === "INACTIVE" ? "Inactive" : "Active"} · {count(c.memberships.length, "project")} ·
                    added {c.createdAt.toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" })}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        {differing.map(({ field, options }) => (
          <fieldset key={field}>
            <legend className="text-sm font-medium">{CONTACT_FIELD_LABELS[field]}</legend>
            <div className="mt-1 space-y-1">
              {options.map((o) => (
                <label key={o.id} className="flex items-start gap-2 px-2 py-0.5 text-sm">
                  <input
                    type="radio"
                    name={`field-${field}`}
                    value={o.id}
                    checked={chosenFor(field, options) === o.id}
                    onChange={() => setChoices((c) => ({ ...c, [field]: o.id }))}
                    disabled={pending}
                    className="mt-0.5"
                  />
                  <span className="break-all">
                    {shown(o, field)} <span className="text-slate-600">(from {name(o)})</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}

        {statusesDiffer && (
          <fieldset>
            <legend className="text-sm font-medium">Status after the merge</legend>
            <div className="mt-1 flex gap-4 px-2 text-sm">
              {(["ACTIVE", "INACTIVE"] as const).map((s) => (
                <label key={s} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="status"
                    value={s}
                    checked={finalStatus === s}
                    onChange={() => setStatus(s)}
                    disabled={pending}
                  />
                  {s === "ACTIVE" ? "Active" : "Inactive"}
                </label>
              ))}
            </div>
          </fieldset>
        )}

        <section aria-label="What moves" className="rounded-md bg-slate-50 p-3 text-sm text-slate-700">
          <p>
            To {name(keep)}: {count(newProjects.size, "project directory", "project directories")},{" "}
            {count(crewSpots, "crew spot")} and {count(history, "history entry", "history entries")} of{" "}
            {others.map(name).join(", ")}.
          </p>
        </section>
        <ReasonField value={reason} onChange={setReason} disabled={pending} />
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <DialogCancel ref={cancelRef} disabled={pending} />
        <Button variant="primary" onClick={confirm} disabled={pending} aria-busy={pending}>
          {pending ? "Merging…" : "Merge"}
        </Button>
      </div>
    </Dialog>
  );
}
