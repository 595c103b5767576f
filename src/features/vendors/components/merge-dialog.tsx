"use client";

import { useId, useRef, useState, useTransition } from "react";
import { ReasonField } from "@/components/data-table/reason-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { undoableToast } from "@/features/history/components/undoable-toast";
import { toast } from "@/lib/toast";
import type { VendorRecord } from "@/server/vendors/vendor-select";
import { VENDOR_FIELD_LABELS, VENDOR_KIND_LABELS, type VendorField } from "@/shared/vendor-fields";
import { mergeVendorsAction } from "../actions";

type Props = { companyId: string; vendors: VendorRecord[]; onClose: () => void; onDone: () => void };

const display = (v: VendorRecord, field: VendorField) =>
  field === "kind" ? VENDOR_KIND_LABELS[v.kind] : ((v[field] as string | null) ?? "");

/**
 * Merge Companies: choose the company to keep and, for each field the companies differ
 * in, whose value it keeps. Contacts move to the kept company; the others are kept,
 * marked merged. Undo takes it back.
 */
export function MergeDialog({ companyId, vendors, onClose, onDone }: Props) {
  const [keepId, setKeepId] = useState(vendors[0]?.id ?? "");
  const [picks, setPicks] = useState<Partial<Record<VendorField, string>>>({});
  const [reason, setReason] = useState("");
  const [pending, startTransition] = useTransition();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const differing = (Object.keys(VENDOR_FIELD_LABELS) as VendorField[]).filter(
    (f) => new Set(vendors.map((v) => display(v, f))).size > 1,
  );
  const movedPeople = vendors.filter((v) => v.id !== keepId).reduce((sum, v) => sum + v.contactCount, 0);

  function confirm() {
    const fields: Record<string, unknown> = {};
    for (const field of differing) {
      const from = vendors.find((v) => v.id === (picks[field] ?? keepId));
      if (from && from.id !== keepId) fields[field] = field === "kind" ? from.kind.toLowerCase() : from[field];
    }
    startTransition(async () => {
      try {
        const result = await mergeVendorsAction({
          companyId,
          keepId,
          mergeIds: vendors.filter((v) => v.id !== keepId).map((v) => v.id),
          fields,
          ...(reason.trim() ? { reason } : {}),
          idempotencyKey,
        });
        if (result.error !== null) {
          toast.error(result.error);
          return;
        }
        undoableToast(`Merged ${vendors.length} companies — ${result.data.contactIds.length} contacts moved`, {
          companyId,
          batchId: result.data.batchId,
        });
        onDone();
        onClose();
      } catch {
        toast.error("Nothing was changed: Rollcall could not reach the server. Try again.");
      }
    });
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !pending && onClose()}
      onOpenAutoFocus={(e) => {
        e.preventDefault();
        cancelRef.current?.focus();
      }}
      className="flex max-h-[85vh] w-[min(40rem,calc(100vw-2rem))] flex-col overflow-y-auto"
      title="Merge Companies"
      description={`${vendors.length} companies become one. ${movedPeople} ${movedPeople === 1 ? "contact moves" : "contacts move"} to the one you keep; the others are kept, marked merged, and leave every tab and picker.`}
    >
      <fieldset className="mt-4">
        <legend className="text-sm font-medium">Company to keep</legend>
        {vendors.map((v) => (
          <label key={v.id} className="mt-1 flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`${id}-keep`}
              value={v.id}
              checked={keepId === v.id}
              onChange={() => setKeepId(v.id)}
              className="size-4 accent-brand-600"
            />
            {v.name}
          </label>
        ))}
      </fieldset>
      {differing.map((field) => (
        <fieldset key={field} className="mt-4">
          <legend className="text-sm font-medium">{VENDOR_FIELD_LABELS[field]}</legend>
          {vendors.map((v) => (
            <label key={v.id} className="mt-1 flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-${field}`}
                checked={(picks[field] ?? keepId) === v.id}
                onChange={() => setPicks((p) => ({ ...p, [field]: v.id }))}
                className="size-4 accent-brand-600"
              />
              {display(v, field) || "—"}
            </label>
          ))}
        </fieldset>
      ))}
      <ReasonField
        value={reason}
        onChange={setReason}
        disabled={pending}
        placeholder="e.g. Two spellings of one supplier"
      />
      <div className="mt-6 flex justify-end gap-2">
        <DialogCancel ref={cancelRef} disabled={pending} />
        <Button variant="primary" onClick={confirm} disabled={vendors.length < 2 || pending} aria-busy={pending}>
          {pending ? "Merging…" : "Merge"}
        </Button>
      </div>
    </Dialog>
  );
}
