"use client";

import { Download, Upload, UserPlus, Users } from "lucide-react";
import { useState } from "react";
import { toast } from "@/lib/toast";
import { addContactsToProjectAction } from "../membership-actions";
import { ContactFormDialog, ContactPickerDialog } from "./lazy-dialogs";
import { buttonClass } from "@/components/ui/button";

type Props = {
  companyId: string;
  /** On a project's directory: new contacts join it, and existing ones can be added. */
  projectId?: string;
  canAdd: boolean;
  canAddFromDirectory: boolean;
  exportHref: string;
  importHref?: string;
};

const button = buttonClass("secondary", "inline-flex items-center gap-1.5 bg-white");

/** Add Contact, Add from Directory (projects only) and Export CSV. */
export function DirectoryActions({ companyId, projectId, canAdd, canAddFromDirectory, exportHref, importHref }: Props) {
  const [creating, setCreating] = useState(false);
  const [picking, setPicking] = useState(false);
  return (
    <>
      {canAdd && (
        <button type="button" className={button} onClick={() => setCreating(true)}>
          <UserPlus aria-hidden className="size-4" />
          Add Contact
        </button>
      )}
      {importHref && (
        <a href={importHref} className={button}>
          <Upload aria-hidden className="size-4" />
          Import
        </a>
      )}
      {projectId && canAddFromDirectory && (
        <button type="button" className={button} onClick={() => setPicking(true)}>
          <Users aria-hidden className="size-4" />
          Add from Directory
        </button>
      )}
      <a href={exportHref} download className={button}>
        <Download aria-hidden className="size-4" />
        Export CSV
      </a>
      {creating && <ContactFormDialog companyId={companyId} projectId={projectId} open onOpenChange={setCreating} />}
      {projectId && canAddFromDirectory && picking && (
        <ContactPickerDialog
          companyId={companyId}
          projectId={projectId}
          title="Add Contacts to Project"
          description="Pick active contacts from the company directory. Anyone removed from this project earlier comes back."
          confirmLabel={(n) => (n === 0 ? "Add" : `Add ${n}`)}
          open
          onOpenChange={setPicking}
          onConfirm={async (contactIds) => {
            const result = await addContactsToProjectAction({ companyId, projectId, contactIds });
            if (result.error !== null) {
              toast.error(result.error);
              return false;
            }
            const n = result.data.changed;
            toast.success(`Added ${n} ${n === 1 ? "contact" : "contacts"} to the project`, {
              description: result.data.skipped.length ? `${result.data.skipped.length} already on it.` : undefined,
            });
            return true;
          }}
        />
      )}
    </>
  );
}
