"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import { ContactFormDialog, type ContactFormValues } from "./contact-form-dialog";
import { LifecycleDialog } from "./lifecycle-dialog";
import { Button } from "@/components/ui/button";

type Props = {
  companyId: string;
  canEdit: boolean;
  canChangeStatus: boolean;
  contact: ContactFormValues & { status: "ACTIVE" | "INACTIVE" };
  /** The contact as the lifecycle dialog lists it, with the projects the change affects. */
  lifecycleRow: ContactListRow;
};

/** Edit Contact and single-contact Inactivate / Reactivate, on the contact's page. */
export function ContactActions({ companyId, canEdit, canChangeStatus, contact, lifecycleRow }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [changing, setChanging] = useState(false);
  const lifecycleButton = useRef<HTMLButtonElement>(null);
  const active = contact.status === "ACTIVE";
  return (
    <div className="flex gap-2">
      {canEdit && (
        <Button onClick={() => setEditing(true)} className="bg-white">
          Edit Contact
        </Button>
      )}
      {canChangeStatus && (
        <Button ref={lifecycleButton} onClick={() => setChanging(true)} className="bg-white">
          {active ? "Inactivate" : "Reactivate"}
        </Button>
      )}
      <ContactFormDialog companyId={companyId} contact={contact} open={editing} onOpenChange={setEditing} />
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
