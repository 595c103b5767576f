"use client";

import Link from "next/link";
import { Dialog } from "radix-ui";
import { startTransition, useActionState, useEffect, useId, useRef } from "react";
import { toast } from "@/lib/toast";
import { createContactAction, updateContactAction, type ContactFormState } from "../form-actions";
import { useReturnFocus } from "./use-return-focus";

export type VendorOption = { id: string; name: string };
export type ContactFormValues = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  employeeId: string | null;
  classification: string | null;
  isEmployee: boolean;
  vendor: { id: string } | null;
};

type Props = {
  companyId: string;
  /** Creating from inside a project puts the new contact on that project's directory. */
  projectId?: string;
  /** Creating from a crew puts the new contact on the crew (and its project). */
  crewId?: string;
  vendors: VendorOption[];
  /** Editing this contact; absent when adding one. */
  contact?: ContactFormValues;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved?: (contactId: string) => void;
};

/** Add Contact / Edit Contact: every field of the record, with a message beside each bad one. */
export function ContactFormDialog(props: Props) {
  const returnFocus = useReturnFocus();
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-slate-900/40" />
        <Dialog.Content {...returnFocus} className="fixed top-1/2 left-1/2 max-h-[90vh] w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{props.contact ? "Edit Contact" : "Add Contact"}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-600">
            {props.contact
              ? "Changes show in the company directory and on every project."
              : props.crewId
                ? "The new worker joins this crew and the project's directory."
                : props.projectId
                ? "The new contact joins this project's directory."
                : "First and last name are required; everything else can wait."}
          </Dialog.Description>
          {/* Remount per opening, so a reopened form starts clean. */}
          {props.open && <ContactForm {...props} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ContactForm({ companyId, projectId, crewId, vendors, contact, onOpenChange, onSaved }: Props) {
  const [state, formAction, pending] = useActionState<ContactFormState, FormData>(
    contact ? updateContactAction : createContactAction,
    {},
  );
  const saved = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (state.contactId && saved.current !== state.contactId) {
      saved.current = state.contactId;
      toast.success(state.message);
      onSaved?.(state.contactId);
      onOpenChange(false);
    }
  }, [state, onOpenChange, onSaved]);

  return (
    <form
      noValidate
      // Submitted by hand rather than through `action`, which would reset the fields
      // and lose what the user typed whenever the server sends back an error.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="mt-4 space-y-4"
    >
      <input type="hidden" name="companyId" value={companyId} />
      {projectId && <input type="hidden" name="projectId" value={projectId} />}
      {crewId && <input type="hidden" name="crewId" value={crewId} />}
      {contact && <input type="hidden" name="contactId" value={contact.id} />}
      {state.duplicates && <input type="hidden" name="confirmDuplicate" value="yes" />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name" name="firstName" required defaultValue={contact?.firstName} state={state} autoComplete="given-name" />
        <Field label="Last name" name="lastName" required defaultValue={contact?.lastName} state={state} autoComplete="family-name" />
        <Field label="Email" name="email" type="email" defaultValue={contact?.email} state={state} autoComplete="email" />
        <Field label="Phone" name="phone" type="tel" defaultValue={contact?.phone} state={state} autoComplete="tel" />
        <Field label="Job title" name="jobTitle" defaultValue={contact?.jobTitle} state={state} />
        <Field label="Employee ID" name="employeeId" defaultValue={contact?.employeeId} state={state} />
        <Field label="Classification" name="classification" defaultValue={contact?.classification} state={state} placeholder="Journeyman, Apprentice, Visitor…" />
        <SelectField label="Company" name="vendorId" defaultValue={contact?.vendor?.id ?? ""} state={state} vendors={vendors} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isEmployee" defaultChecked={contact?.isEmployee} className="size-4 accent-brand-600" />
        Employee of our company
      </label>

      {state.duplicates ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">{state.message}</p>
          <ul className="mt-1 list-disc pl-5">
            {state.duplicates.map((d) => (
              <li key={d.id}>
                <Link href={`/companies/${companyId}/contacts/${d.id}`} className="underline">
                  {d.name}
                </Link>{" "}
                {d.email} {d.status === "INACTIVE" && "(inactive)"}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        state.message && !state.contactId && (
          <p role="alert" className="text-sm text-red-700">
            {state.message}
          </p>
        )
      )}

      <div className="flex justify-end gap-2">
        <Dialog.Close asChild>
          <button type="button" className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50">
            Cancel
          </button>
        </Dialog.Close>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50">
          {pending ? "Saving…" : state.duplicates ? "Create anyway" : contact ? "Save" : "Add Contact"}
        </button>
      </div>
    </form>
  );
}

type FieldProps = {
  label: string;
  name: string;
  state: ContactFormState;
  defaultValue?: string | null;
  required?: boolean;
  type?: string;
  placeholder?: string;
  autoComplete?: string;
};

function Field({ label, name, state, defaultValue, required, type = "text", placeholder, autoComplete }: FieldProps) {
  const id = useId();
  const error = state.errors?.[name];
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {required && <span aria-hidden className="text-red-700"> *</span>}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        defaultValue={defaultValue ?? ""}
        placeholder={placeholder}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`mt-1 w-full rounded-md border px-3 py-2 text-sm ${error ? "border-red-500" : "border-slate-300"}`}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function SelectField({ label, name, state, defaultValue, vendors }: FieldProps & { vendors: VendorOption[] }) {
  const id = useId();
  const error = state.errors?.[name];
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      >
        <option value="">None (our company or a visitor)</option>
        {vendors.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
