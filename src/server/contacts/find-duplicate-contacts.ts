import "server-only";
import type { Db } from "@/server/db/transaction";

export type FindDuplicateContactsOptions = {
  companyId: string;
  firstName: string;
  lastName: string;
  email?: string | null;
  /** When editing, the contact itself is no duplicate. */
  exceptId?: string;
};

/** Contacts with the same name and email (case-insensitive): likely the same person. */
export function findDuplicateContacts(
  db: Db,
  { companyId, firstName, lastName, email, exceptId }: FindDuplicateContactsOptions,
) {
  if (!email) return Promise.resolve([]);
  return db.contact.findMany({
    where: {
      companyId,
      status: { not: "DISCARDED" },
      firstName: { equals: firstName, mode: "insensitive" },
      lastName: { equals: lastName, mode: "insensitive" },
      email: { equals: email, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true, firstName: true, lastName: true, email: true, status: true },
    take: 5,
  });
}
