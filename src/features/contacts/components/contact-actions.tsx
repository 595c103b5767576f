"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import { ContactFormDialog, type ContactFormValues, type VendorOption } from "./contact-form-dialog";
import { LifecycleDialog } from "./lifecycle-dialog";

type Props = {
  companyId: string;
  canEdit: boolean;
  canChangeStatus: boolean;
  contact: ContactFormValues & { status: "ACTIVE" | "INACTIVE" };
  /** The contact as the lifecycle dialog lists it, with the projects the change affects. */
  lifecycleRow: ContactListRow;
  vendors: VendorOption[];
};

/** Edit Contact and single-contact Inactivate / Reactivate, on the contact's page. */
export function ContactActions({ companyId, canEdit, canChangeStatus, contact, lifecycleRow, vendors }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [changing, setChanging] = useState(false);
  const lifecycleButton = useRef<HTMLButtonElement>(null);
  const active = contact.status === "ACTIVE";
  return (
    <div className="flex gap-2">
      {canEdit && (
        <button
          type="button"
          onClick={() => setEditing(true)}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
        >
          Edit Contact
        </button>
      )}
      {canChangeStatus && (
        <button
          ref={lifecycleButton}
          type="button"
          onClick={() => setChanging(true)}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
        >
          {active ? "Inactivate" : "Reactivate"}
        </button>
      )}
      <ContactFormDialog companyId={companyId} vendors={vendors} contact={contact} open={editing} onOpenChange={setEditing} />
      {changing && (
        <LifecycleDialog
          kind={active ? "inactivate" : "reactivate"}
          companyId={companyId}
          contacts={[lifecycleRow]}
          open
          onOpenChange={(open) => !open && setChanging(false)}
          onDone={() => {
            setChanging(false);
            router.refresh();
          }}
          returnFocus={() => lifecycleButton.current?.focus()}
        />
      )}
    </div>
  );
}
