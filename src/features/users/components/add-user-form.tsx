"use client";

import { startTransition, useActionState, useRef } from "react";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { LEVELS, LEVEL_LABELS } from "@/server/permissions/levels";
import { addUserAction, type AddUserState } from "../actions";

/**
 * Add User: name, email and company Directory level. Rollcall emails the person a link to
 * choose their own password (or, if they already sign in elsewhere, tells them they were
 * added); project levels are set on the table once they are listed.
 */
export function AddUserForm({ companyId, outboxHref }: { companyId: string; outboxHref: string | null }) {
  const [state, action, pending] = useActionState<AddUserState, FormData>(addUserAction, {});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);
  return (
    <section aria-labelledby="add-user" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="add-user" className="font-semibold">
        Add User
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        We email them an invitation to choose their own password; the link works for 7 days.
        {outboxHref && (
          <>
            {" "}
            No mail server is set up, so messages wait in the{" "}
            <a href={outboxHref} className="text-brand-700 underline">
              Outbox
            </a>
            .
          </>
        )}
      </p>
      <form
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const form = e.currentTarget;
          startTransition(async () => {
            action(data);
            form.reset();
          });
        }}
        className="mt-3 grid gap-4 sm:grid-cols-3"
      >
        <input type="hidden" name="companyId" value={companyId} />
        <TextField label="Name" name="name" autoComplete="off" required maxLength={100} error={state.errors?.name} />
        <TextField label="Email" name="email" type="email" autoComplete="off" required error={state.errors?.email} />
        <div>
          <label htmlFor="user-level" className="block text-sm font-medium text-slate-700">
            Company Directory level
          </label>
          <select
            id="user-level"
            name="level"
            defaultValue="READ_ONLY"
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
          <Button type="submit" variant="primary" disabled={pending}>
            Add User
          </Button>
          <p role="status" className={`text-sm ${state.added ? "text-green-800" : "text-red-700"}`}>
            {state.added ?? state.message}
          </p>
        </div>
      </form>
    </section>
  );
}
