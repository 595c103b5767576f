"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/lib/toast";
import { LEVELS, LEVEL_LABELS } from "@/server/permissions/levels";
import { inviteContactAction } from "../actions";

type Props = {
  companyId: string;
  contact: { id: string; name: string; email: string | null };
  /** Why the contact cannot be invited now (no email, inactive, or the viewer may not), or null. */
  disabledReason: string | null;
};

/**
 * Invite to Rollcall, on a contact's page: the contact's email gets the same invitation as
 * Add User sends, with the Directory level chosen here. Once they accept, the contact is
 * that user. Disabled, with the reason beside it, when it cannot be done.
 */
export function InviteContactButton({ companyId, contact, disabledReason }: Props) {
  const router = useRouter();
  const reasonId = useId();
  const levelId = useId();
  const [open, setOpen] = useState(false);
  const [level, setLevel] = useState<(typeof LEVELS)[number]>("READ_ONLY");
  const [error, setError] = useState<{ message: string; userId: string | null } | null>(null);
  const [pending, startTransition] = useTransition();
  const usersHref = `/companies/${companyId}/directory/users?q=${encodeURIComponent(contact.email ?? "")}`;

  function send() {
    startTransition(async () => {
      const result = await inviteContactAction({ companyId, contactId: contact.id, level });
      if (result.error !== null) return setError({ message: result.error, userId: null });
      if (result.data.existingUserId)
        return setError({ message: result.data.message ?? "", userId: result.data.existingUserId });
      setOpen(false);
      toast.success(
        result.data.status === "ACTIVE"
          ? `${contact.name} already signs in to Rollcall: they are a user now, and we told them by email.`
          : `We emailed ${contact.name} an invitation at ${result.data.email}.`,
      );
      router.refresh();
    });
  }

  return (
    <div>
      <Button
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        className="bg-white"
        disabled={disabledReason !== null}
        aria-describedby={disabledReason ? reasonId : undefined}
      >
        Invite to Rollcall
      </Button>
      {disabledReason && (
        <p id={reasonId} className="mt-1 max-w-xs text-xs text-slate-600">
          {disabledReason}
        </p>
      )}
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Invite to Rollcall"
        description={`We email ${contact.name} at ${contact.email} an invitation to choose their own password; the link works for 7 days. Once they accept, this contact is that user.`}
        className="w-[28rem]"
      >
        <div className="mt-4">
          <label htmlFor={levelId} className="block text-sm font-medium text-slate-700">
            Company Directory level
          </label>
          <select
            id={levelId}
            value={level}
            onChange={(e) => setLevel(e.target.value as (typeof LEVELS)[number])}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </div>
        {error && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {error.message}{" "}
            {error.userId && (
              <Link href={usersHref} className="text-brand-700 underline">
                Open the user on Users
              </Link>
            )}
          </p>
        )}
        <div className="mt-6 flex justify-end gap-2">
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="primary" onClick={send} disabled={pending}>
            Send invitation
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
