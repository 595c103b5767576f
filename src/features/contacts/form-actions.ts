"use server";

import { revalidatePath } from "next/cache";
import { NOT_A_FORM, isFormData } from "@/lib/action-result";
import { z } from "zod";
import { recordId } from "@/shared/record-id";
import { createContact } from "@/server/contacts/create-contact";
import { createCrewWorker } from "@/server/crews/create-crew-worker";
import { findDuplicateContacts } from "@/server/contacts/find-duplicate-contacts";
import { describeReasons, type DuplicateReason } from "@/shared/duplicate-reasons";
import { contactVisibility, getContact } from "@/server/contacts/get-contact";
import { updateContact } from "@/server/contacts/update-contact";
import { authorize } from "@/server/auth/authorize";
import { getCrew } from "@/server/crews/get-crew";
import { getPrisma } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { changedBy } from "@/server/history/changed-by";
import { missingToEditContact, REFUSAL } from "@/server/permissions/can";
import { contactFieldsSchema, updateContactSchema } from "@/shared/contact-fields";

export type ContactFormState = {
  /** A message per field the user must fix. */
  errors?: Partial<Record<string, string>>;
  message?: string;
  /** Likely duplicates: shown as a warning; submitting again with confirmDuplicate creates anyway. */
  duplicates?: { id: string; name: string; email: string | null; status: string; why: string }[];
  /** Set once the contact is saved. */
  contactId?: string;
};

const scopeSchema = z.object({
  companyId: recordId(),
  projectId: recordId().optional(),
  crewId: recordId().optional(),
});

function formFields(formData: FormData) {
  const text = (key: string) => {
    const v = formData.get(key);
    return typeof v === "string" ? v : undefined;
  };
  return {
    firstName: text("firstName") ?? "",
    lastName: text("lastName") ?? "",
    email: text("email"),
    phone: text("phone"),
    jobTitle: text("jobTitle"),
    employeeId: text("employeeId"),
    classification: text("classification"),
    vendorId: text("vendorId"),
    isEmployee: formData.get("isEmployee") === "on",
  };
}

function fieldErrors(error: z.ZodError): ContactFormState {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return { errors, message: "Check the highlighted fields." };
}

function domainFailure(error: unknown): ContactFormState {
  if (error instanceof DomainError) {
    const field = (error.details as { field?: string } | undefined)?.field;
    return field ? { errors: { [field]: error.message }, message: error.message } : { message: error.message };
  }
  throw error;
}

/**
 * Add Contact: from the company directory, from a project (the contact joins its
 * directory), or from a crew (origin Crews; joins the crew and its project).
 */
export async function createContactAction(_: ContactFormState, formData: FormData): Promise<ContactFormState> {
  if (!isFormData(formData)) return { message: NOT_A_FORM };
  const scope = scopeSchema.safeParse({
    companyId: formData.get("companyId"),
    projectId: formData.get("projectId") || undefined,
    crewId: formData.get("crewId") || undefined,
  });
  if (!scope.success) return { message: "This form is out of date. Reload the page and try again." };
  const parsed = contactFieldsSchema.safeParse(formFields(formData));
  if (!parsed.success) return fieldErrors(parsed.error);

  const { companyId, projectId, crewId } = scope.data;
  const prisma = await getPrisma();
  // From a crew, the crew's project is where the user needs Standard access.
  const crew = crewId ? await getCrew(prisma, { companyId, crewId }) : null;
  if (crewId && !crew) return { message: "That crew no longer exists. Reload the page." };
  const { actor, error } = await authorize(companyId, "edit contacts", { projectId: crew?.projectId ?? projectId });
  if (error !== null) return { message: error };
  const by = changedBy(actor);
  if (formData.get("confirmDuplicate") !== "yes") {
    const duplicates = await findDuplicateContacts(prisma, { companyId, ...parsed.data });
    if (duplicates.length) {
      return {
        duplicates: duplicates.map((d) => ({
          id: d.id,
          name: `${d.firstName} ${d.lastName}`,
          email: d.email,
          status: d.status,
          why: describeReasons(d.reasons),
        })),
        message: duplicateWarning(duplicates.flatMap((d) => d.reasons)),
      };
    }
  }
  try {
    const contact = crewId
      ? await createCrewWorker(prisma, { companyId, crewId, input: parsed.data, by })
      : await createContact(prisma, {
          companyId,
          input: parsed.data,
          origin: "DIRECTORY",
          originProjectId: projectId,
          by,
        });
    revalidatePath(`/companies/${companyId}`, "layout");
    return { contactId: contact.id, message: `Added ${contact.firstName} ${contact.lastName}.` };
  } catch (error) {
    return domainFailure(error);
  }
}

/** Edit Contact: one record, so the edit shows in the company directory and on every project. */
export async function updateContactAction(_: ContactFormState, formData: FormData): Promise<ContactFormState> {
  if (!isFormData(formData)) return { message: NOT_A_FORM };
  const ids = z.object({ companyId: recordId(), contactId: recordId() }).safeParse({
    companyId: formData.get("companyId"),
    contactId: formData.get("contactId"),
  });
  if (!ids.success) return { message: "This form is out of date. Reload the page and try again." };
  const parsed = updateContactSchema.safeParse(formFields(formData));
  if (!parsed.success) return fieldErrors(parsed.error);
  const { actor, error } = await authorize(ids.data.companyId, "edit contacts");
  if (error !== null) return { message: error };
  const prisma = await getPrisma();
  const current = await getContact(prisma, ids.data);
  if (!current) return { message: "Contact not found." };
  const missing = missingToEditContact(actor, contactVisibility(current));
  if (missing) return { message: REFUSAL[missing] };
  try {
    const contact = await updateContact(prisma, { ...ids.data, patch: parsed.data, by: changedBy(actor) });
    revalidatePath(`/companies/${ids.data.companyId}`, "layout");
    return { contactId: contact.id, message: `Saved ${contact.firstName} ${contact.lastName}.` };
  } catch (error) {
    return domainFailure(error);
  }
}

/** What Add Contact says of probable duplicates, by the strongest reasons found. */
function duplicateWarning(reasons: DuplicateReason[]): string {
  const found = new Set(reasons);
  if (found.has("same_email") && found.has("same_name")) {
    return "A contact with this name and email already exists. Create another anyway?";
  }
  return `This may be someone already in the directory (${describeReasons([...found]).toLowerCase()}). Create another anyway?`;
}
