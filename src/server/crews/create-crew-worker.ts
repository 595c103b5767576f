import "server-only";
import type { CreateContactInput } from "@/shared/contact-fields";
import { createContact } from "@/server/contacts/create-contact";
import { inTransaction, type Db } from "@/server/db/transaction";
import { notFound } from "@/server/errors";
import type { ChangedBy } from "@/server/history/changed-by";

export type CreateCrewWorkerOptions = { companyId: string; crewId: string; input: CreateContactInput; by?: ChangedBy };

/**
 * Creates a contact on the spot from a crew: origin Crews, on the crew's project
 * directory, and on the crew — one record, seen in every directory at once.
 */
export function createCrewWorker(db: Db, { companyId, crewId, input, by }: CreateCrewWorkerOptions) {
  return inTransaction(db, async (tx) => {
    const crew = await tx.crew.findUnique({
      where: { companyId_id: { companyId, id: crewId } },
      select: { projectId: true },
    });
    if (!crew) throw notFound("Crew not found.");
    const contact = await createContact(tx, { companyId, input, origin: "CREWS", originProjectId: crew.projectId, by });
    await tx.crewMember.create({ data: { companyId, crewId, contactId: contact.id } });
    return contact;
  });
}
