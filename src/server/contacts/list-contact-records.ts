import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { contactSelect, type ContactRecord } from "./contact-select";
import { contactsOrderBy, contactsWhere, type ListContactsOptions } from "./list-contacts";

/**
 * One page of a directory tab as full contact records (what the JSON API returns), in the
 * tab's order and with the tab's filters (listContacts' where and order), read once, and how
 * many contacts match in all.
 */
export async function listContactRecords(
  prisma: PrismaClient,
  options: ListContactsOptions,
): Promise<{ records: ContactRecord[]; total: number }> {
  const where = await contactsWhere(prisma, options);
  const [records, total] = await Promise.all([
    prisma.contact.findMany({
      where,
      orderBy: contactsOrderBy(options.sort, options.group),
      skip: (options.page - 1) * options.perPage,
      take: options.perPage,
      select: contactSelect,
    }),
    prisma.contact.count({ where }),
  ]);
  return { records, total };
}
