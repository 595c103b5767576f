"use client";

import { useRef, useState, useTransition } from "react";
import { ReasonField } from "@/components/data-table/reason-field";
import { RemovableList } from "@/components/data-table/removable-list";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { toast } from "@/lib/toast";
import type { CompanyUser } from "@/server/users/list-company-users";
import { inactivateUsersAction, reactivateUsersAction } from "../actions";

const count = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "user" : "users"}`;

const COPY = {
  inactivate: {
    title: "Inactivate Users",
    confirm: "Inactivate",
    pending: "Inactivating…",
    action: inactivateUsersAction,
    effect: (n: number) =>
      `${count(n)} will move to Inactive Users and can no longer sign in to this company; their open sessions and API tokens stop working. Their permissions are kept for reactivation.`,
    done: (n: number) => `Inactivated ${count(n)}`,
  },
  reactivate: {
    title: "Reactivate Users",
    confirm: "Reactivate",
    pending: "Reactivating…",
    action: reactivateUsersAction,
    effect: (n: number) => `${count(n)} will move back to Users, with the permissions they had.`,
    done: (n: number) => `Reactivated ${count(n)}`,
  },
} as const;

type Props = {
  kind: keyof typeof COPY;
  companyId: string;
  users: CompanyUser[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: () => void;
  returnFocus: () => void;
};

/** Inactivate Users / Reactivate Users: the chosen people with an X each, an optional Reason, Cancel first. */
export function UserStatusDialog({ kind, companyId, users, open, onOpenChange, onDone, returnFocus }: Props) {
  const copy = COPY[kind];
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState("");
  const [pending, startTransition] = useTransition();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const chosen = users.filter((u) => !dropped.has(u.id));

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
          userIds: chosen.map((u) => u.id),
          ...(reason.trim() ? { reason } : {}),
        });
        if (result.error !== null) {
          toast.error(result.error);
          return;
        }
        toast.success(copy.done(result.data.changed.length));
        setDropped(new Set());
        setReason("");
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
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        cancelRef.current?.focus();
      }}
      onCloseAutoFocus={(event) => {
        event.preventDefault();
        returnFocus();
      }}
      className="flex max-h-[85vh] w-[min(32rem,calc(100vw-2rem))] flex-col"
      title={copy.title}
      description={
        chosen.length > 0 ? copy.effect(chosen.length) : "No users chosen. Cancel and select users in the table."
      }
    >
      <RemovableList
        label="Chosen users"
        hidden={chosen.length === 0}
        items={chosen.map((u) => ({ id: u.id, name: u.name, hint: u.email }))}
        onRemove={(id) => setDropped((d) => new Set(d).add(id))}
        disabled={pending}
      />
      <ReasonField value={reason} onChange={setReason} disabled={pending} placeholder="e.g. Left the company" />
      <div className="mt-6 flex justify-end gap-2">
        <DialogCancel ref={cancelRef} disabled={pending} />
        <Button variant="primary" onClick={confirm} disabled={chosen.length === 0 || pending} aria-busy={pending}>
          {pending ? copy.pending : copy.confirm}
        </Button>
      </div>
    </Dialog>
  );
}
