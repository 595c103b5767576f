import "server-only";
import type { ContactOrigin } from "@/generated/prisma/enums";
import type { CreateContactInput } from "@/shared/contact-fields";
import { inTransaction, type Db } from "@/server/db/transaction";
import { notFound } from "@/server/errors";
import { SYSTEM, type ChangedBy } from "@/server/history/changed-by";
import { openBatch, recordEvents } from "@/server/history/open-batch";
import { assertVendorPickable } from "@/server/vendors/assert-vendor-pickable";
import { contactSelect, type ContactRecord } from "./contact-select";
import { fieldChanges } from "./field-changes";

export type CreateContactOptions = {
  companyId: string;
  input: CreateContactInput;
  /** The tool or screen the contact is created from, and on which project. */
  origin: ContactOrigin;
  originProjectId?: string;
  by?: ChangedBy;
};

/**
 * Creates a contact and puts it on the given projects' directories (the origin project
 * always among them), in one transaction. An unknown vendor or project of this company
 * is refused with a not_found error and nothing is written.
 */
export function createContact(
  db: Db,
  { companyId, input, origin, originProjectId, by = SYSTEM }: CreateContactOptions,
): Promise<ContactRecord> {
  const { projectIds = [], ...fields } = input;
  // Lower-cased like the ids the database returns, so the checks below compare like with like.
  const onProjects = [
    ...new Set((originProjectId ? [originProjectId, ...projectIds] : projectIds).map((id) => id.toLowerCase())),
  ];
  return inTransaction(db, async (tx) => {
    if (fields.vendorId) await assertVendorPickable(tx, companyId, fields.vendorId);
    if (onProjects.length) {
      const found = await tx.project.findMany({ where: { companyId, id: { in: onProjects } }, select: { id: true } });
      const missing = onProjects.filter((id) => !found.some((p) => p.id === id));
      if (missing.length)
        throw notFound(`${missing.length === 1 ? "A project was" : "Some projects were"} not found.`, {
          projectIds: missing,
        });
    }
    const contact = await tx.contact.create({
      data: { ...fields, companyId, origin, originProjectId: originProjectId ?? null },
      select: contactSelect,
    });
    if (onProjects.length) {
      await tx.projectContact.createMany({
        data: onProjects.map((projectId) => ({ companyId, projectId, contactId: contact.id })),
      });
    }
    const batchId = await openBatch(
      tx,
      companyId,
      "contact.create",
      by,
      originProjectId ? { projectId: originProjectId } : {},
    );
    await recordEvents(tx, companyId, batchId, "contact.created", [
      { contactId: contact.id, projectIds: onProjects, changes: fieldChanges({}, { ...fields, origin }) },
    ]);
    return contact;
  });
}
