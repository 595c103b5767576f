"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import type { VendorStatus } from "@/generated/prisma/enums";
import { CompanyPicker } from "@/features/vendors/components/company-picker";
import { toast } from "@/lib/toast";
import { createContactAction, updateContactAction, type ContactFormState } from "../form-actions";
import { useReturnFocus } from "./use-return-focus";

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
  vendor: { id: string; name: string; status: VendorStatus } | null;
};

type Props = {
  companyId: string;
  /** Creating from inside a project puts the new contact on that project's directory. */
  projectId?: string;
  /** Creating from a crew puts the new contact on the crew (and its project). */
  crewId?: string;
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
    <Dialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      {...returnFocus}
      className="max-h-[90dvh] w-[min(40rem,calc(100vw-2rem))] overflow-y-auto"
      title={props.contact ? "Edit Contact" : "Add Contact"}
      description={
        props.contact
          ? "Changes show in the company directory and on every project."
          : props.crewId
            ? "The new worker joins this crew and the project's directory."
            : props.projectId
              ? "The new contact joins this project's directory."
              : "First and last name are required; everything else can wait."
      }
    >
      {/* Remount per opening, so a reopened form starts clean. */}
      {props.open && <ContactForm {...props} />}
    </Dialog>
  );
}

function ContactForm({ companyId, projectId, crewId, contact, onOpenChange, onSaved }: Props) {
  const [state, formAction, pending] = useActionState<ContactFormState, FormData>(
    contact ? updateContactAction : createContactAction,
    {},
  );
  const saved = useRef<string | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);
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
      ref={formRef}
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
        <Field
          label="First name"
          name="firstName"
          required
          defaultValue={contact?.firstName}
          state={state}
          autoComplete="given-name"
        />
        <Field
          label="Last name"
          name="lastName"
          required
          defaultValue={contact?.lastName}
          state={state}
          autoComplete="family-name"
        />
        <Field
          label="Email"
          name="email"
          type="email"
          defaultValue={contact?.email}
          state={state}
          autoComplete="email"
        />
        <Field label="Phone" name="phone" type="tel" defaultValue={contact?.phone} state={state} autoComplete="tel" />
        <Field label="Job title" name="jobTitle" defaultValue={contact?.jobTitle} state={state} />
        <Field label="Employee ID" name="employeeId" defaultValue={contact?.employeeId} state={state} />
        <Field
          label="Classification"
          name="classification"
          defaultValue={contact?.classification}
          state={state}
          placeholder="Journeyman, Apprentice, Visitor…"
        />
        <CompanyPicker
          companyId={companyId}
          name="vendorId"
          noneLabel="None (our company or a visitor)"
          initial={
            contact?.vendor
              ? { id: contact.vendor.id, name: contact.vendor.name, inactive: contact.vendor.status !== "ACTIVE" }
              : null
          }
          error={state.errors?.vendorId}
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="isEmployee"
          defaultChecked={contact?.isEmployee}
          className="size-6 accent-brand-600"
        />
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
                {d.email} {d.status === "INACTIVE" && "(inactive)"} <span className="text-amber-800">— {d.why}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        state.message &&
        !state.contactId && (
          <p role="alert" className="text-sm text-red-700">
            {state.message}
          </p>
        )
      )}

      <div className="flex justify-end gap-2">
        <DialogCancel />
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : state.duplicates ? "Create anyway" : contact ? "Save" : "Add Contact"}
        </Button>
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

function Field({ state, defaultValue, ...props }: FieldProps) {
  return <TextField {...props} defaultValue={defaultValue ?? ""} error={state.errors?.[props.name]} />;
}
