"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { ReasonField } from "@/components/data-table/reason-field";
import { RemovableList } from "@/components/data-table/removable-list";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import type { VendorKind } from "@/generated/prisma/enums";
import { undoableToast } from "@/features/history/components/undoable-toast";
import { toast } from "@/lib/toast";
import type { VendorRecord } from "@/server/vendors/vendor-select";
import { countActivePeopleAction, inactivateVendorsAction, reactivateVendorsAction } from "../actions";

type Props = {
  companyId: string;
  to: "ACTIVE" | "INACTIVE";
  vendors: VendorRecord[];
  /** Instead of the rows: every company matching the tab's search and kind filter. */
  matching?: { count: number; filter: { q: string; kind: VendorKind | null } };
  onClose: () => void;
  onDone: () => void;
};

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * Inactivate Companies / Reactivate Companies: the names with an X each, how many
 * companies change and how many of their people are active, an optional Reason, and —
 * inactivating — the option to take their active contacts along (off by default).
 */
export function VendorStatusDialog({ companyId, to, vendors, matching, onClose, onDone }: Props) {
  const inactivate = to === "INACTIVE";
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState("");
  const [includeContacts, setIncludeContacts] = useState(false);
  const [pending, startTransition] = useTransition();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const cancelRef = useRef<HTMLButtonElement>(null);
  const chosen = vendors.filter((v) => !dropped.has(v.id));
  const [activePeople, setActivePeople] = useState<number | null>(null);
  const ids = chosen.map((v) => v.id).join(",");
  useEffect(() => {
    if (!inactivate || matching || ids === "") return;
    let current = true;
    void countActivePeopleAction({ companyId, vendorIds: ids.split(",") }).then((r) => {
      if (current && r.error === null) setActivePeople(r.data);
    });
    return () => {
      current = false;
    };
  }, [companyId, ids, inactivate, matching]);
  const people = matching ? null : (activePeople ?? chosen.reduce((sum, v) => sum + v.contactCount, 0));
  const n = matching ? matching.count : chosen.length;

  function confirm() {
    startTransition(async () => {
      try {
        const action = inactivate ? inactivateVendorsAction : reactivateVendorsAction;
        const result = await action({
          companyId,
          ...(matching ? { matching: matching.filter } : { vendorIds: chosen.map((v) => v.id) }),
          ...(reason.trim() ? { reason } : {}),
          includeContacts: inactivate && includeContacts,
          idempotencyKey,
        });
        if (result.error !== null) {
          toast.error(result.error);
          return;
        }
        const { changed, contactsChanged, batchId } = result.data;
        undoableToast(
          `${inactivate ? "Inactivated" : "Reactivated"} ${count(changed, "company", "companies")}${contactsChanged ? ` and ${count(contactsChanged, "contact")}` : ""}`,
          { companyId, batchId },
        );
        onDone();
        onClose();
      } catch {
        toast.error("Nothing was changed: Rollcall could not reach the server. Try again.");
      }
    });
  }

  const description =
    n === 0
      ? "No companies chosen. Cancel and select companies in the table."
      : inactivate
        ? `${count(n, "company", "companies")} will move to Inactive Companies and leave every company picker${people === null ? "." : `; ${count(people, "of their people is", "of their people are")} active.`} Their contacts stay as they are unless you include them.`
        : `${count(n, "company", "companies")} will move back to Companies. Their people stay as they are.`;

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !pending && onClose()}
      onOpenAutoFocus={(e) => {
        e.preventDefault();
        cancelRef.current?.focus();
      }}
      className="flex max-h-[85vh] w-[min(32rem,calc(100vw-2rem))] flex-col"
      title={inactivate ? "Inactivate Companies" : "Reactivate Companies"}
      description={description}
    >
      <RemovableList
        label="Chosen companies"
        hidden={chosen.length === 0 || Boolean(matching)}
        items={chosen.map((v) => ({ id: v.id, name: v.name, hint: v.trade ?? undefined }))}
        onRemove={(id) => setDropped((d) => new Set(d).add(id))}
        disabled={pending}
      />
      {inactivate && (
        <label className="mt-4 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-brand-600"
            checked={includeContacts}
            disabled={pending}
            onChange={(e) => setIncludeContacts(e.target.checked)}
          />
          {people === null
            ? "Also inactivate their active contacts"
            : `Also inactivate their ${people} active contacts`}
        </label>
      )}
      <ReasonField value={reason} onChange={setReason} disabled={pending} placeholder="e.g. Off our books since May" />
      <div className="mt-6 flex justify-end gap-2">
        <DialogCancel ref={cancelRef} disabled={pending} />
        <Button variant="primary" onClick={confirm} disabled={n === 0 || pending} aria-busy={pending}>
          {pending ? (inactivate ? "Inactivating…" : "Reactivating…") : inactivate ? "Inactivate" : "Reactivate"}
        </Button>
      </div>
    </Dialog>
  );
}
