"use client";

import { useActionState, useRef } from "react";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { AccountFormState } from "./account-actions";

type Props = {
  action: (state: AccountFormState, data: FormData) => Promise<AccountFormState>;
  /** Values the form carries over: the link's token and company. */
  hidden?: Record<string, string>;
  /** "email" asks for an address; "password" for a new password, twice. */
  kind: "email" | "password";
  submit: string;
  pending: string;
};

/** The forms of the signed-out pages: Forgot password, Reset password, Accept the invitation. */
export function AccountForm({ action, hidden = {}, kind, submit, pending: pendingLabel }: Props) {
  const [state, formAction, pending] = useActionState<AccountFormState, FormData>(action, {});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);
  if (state.done)
    return (
      <p role="status" className="mt-6 rounded-md bg-green-50 p-3 text-sm text-green-900">
        {state.done}
      </p>
    );
  return (
    <form ref={formRef} action={formAction} className="mt-6 space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {kind === "email" ? (
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          error={state.errors?.email}
        />
      ) : (
        <>
          <TextField
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={128}
            error={state.errors?.password}
          />
          <TextField
            label="Type it again"
            name="confirm"
            type="password"
            autoComplete="new-password"
            required
            error={state.errors?.confirm}
          />
          <p className="text-xs text-slate-500">At least 10 characters.</p>
        </>
      )}
      {state.message && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={pending} className="w-full">
        {pending ? pendingLabel : submit}
      </Button>
    </form>
  );
}
