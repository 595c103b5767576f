"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useId, useRef } from "react";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { FieldError, TextField } from "@/components/ui/field";
import { VendorKind } from "@/generated/prisma/enums";
import { toast } from "@/lib/toast";
import type { VendorRecord } from "@/server/vendors/vendor-select";
import { VENDOR_KIND_LABELS } from "@/shared/vendor-fields";
import { saveVendorAction, type VendorFormState } from "../actions";

type Props = { companyId: string; vendor?: VendorRecord; onClose: () => void };

/** Add Company / Edit Company: the name (unique in the directory) and the company's details. */
export function VendorFormDialog({ companyId, vendor, onClose }: Props) {
  const [state, formAction, pending] = useActionState<VendorFormState, FormData>(saveVendorAction, {});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);
  const router = useRouter();
  const kindId = useId();
  useEffect(() => {
    if (state.vendorId) {
      toast.success(state.message);
      onClose();
      if (!vendor) router.push(`/companies/${companyId}/vendors/${state.vendorId}`);
    }
  }, [state, onClose, vendor, router, companyId]);
  const field = (name: keyof VendorRecord, label: string, props: { type?: string; required?: boolean } = {}) => (
    <TextField
      label={label}
      name={name}
      {...props}
      defaultValue={(vendor?.[name] as string | null | undefined) ?? ""}
      error={state.errors?.[name]}
    />
  );
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      className="max-h-[90vh] w-[min(40rem,calc(100vw-2rem))] overflow-y-auto"
      title={vendor ? "Edit Company" : "Add Company"}
      description={
        vendor
          ? "Changes show wherever this company is named."
          : "The name is required and must be new to the directory."
      }
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => formAction(data));
        }}
        className="mt-4 space-y-4"
      >
        <input type="hidden" name="companyId" value={companyId} />
        {vendor && <input type="hidden" name="vendorId" value={vendor.id} />}
        <div className="grid gap-4 sm:grid-cols-2">
          {field("name", "Name", { required: true })}
          <div>
            <label htmlFor={kindId} className="block text-sm font-medium text-slate-700">
              Kind
            </label>
            <select
              id={kindId}
              name="kind"
              defaultValue={(vendor?.kind ?? "SUBCONTRACTOR").toLowerCase()}
              className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            >
              {Object.values(VendorKind).map((k) => (
                <option key={k} value={k.toLowerCase()}>
                  {VENDOR_KIND_LABELS[k]}
                </option>
              ))}
            </select>
            <FieldError id={`${kindId}-error`} error={state.errors?.kind} />
          </div>
          {field("trade", "Trade")}
          {field("phone", "Phone", { type: "tel" })}
          {field("email", "Email", { type: "email" })}
          {field("website", "Website")}
          {field("address", "Address")}
          {field("licenseNumber", "License number")}
        </div>
        {field("notes", "Notes")}
        {state.message && !state.vendorId && (
          <p role="alert" className="text-sm text-red-700">
            {state.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <DialogCancel />
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Saving…" : vendor ? "Save" : "Add Company"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
