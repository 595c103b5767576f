import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { contactSelect, type ContactRecord } from "./contact-select";
import { listContacts, type ListContactsOptions } from "./list-contacts";

/**
 * One page of a directory tab as full contact records (what the JSON API returns), in
 * the tab's order: listContacts picks the page, one more query reads those contacts.
 */
export async function listContactRecords(
  prisma: PrismaClient,
  options: ListContactsOptions,
): Promise<{ records: ContactRecord[]; total: number }> {
  const { rows, total } = await listContacts(prisma, options);
  const ids = rows.map((row) => row.id);
  const found = ids.length
    ? await prisma.contact.findMany({ where: { companyId: options.companyId, id: { in: ids } }, select: contactSelect })
    : [];
  const byId = new Map(found.map((contact) => [contact.id, contact]));
  return { records: ids.flatMap((id) => byId.get(id) ?? []), total };
}
