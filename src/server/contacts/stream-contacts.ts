import "server-only";
import type { Db } from "@/server/db/transaction";
import { contactsOrderBy, contactsWhere, type ListContactsOptions } from "./list-contacts";

export type StreamContactsOptions = Omit<ListContactsOptions, "page" | "perPage">;

const BATCH = 1000;

/**
 * Every contact a directory tab shows with its search and filters, in the tab's order,
 * a batch at a time (keyset pagination on the row id), so a 100,000-row export never
 * holds more than one batch in memory.
 */
export async function* streamContacts(db: Db, options: StreamContactsOptions) {
  const where = await contactsWhere(db, options);
  const orderBy = contactsOrderBy(options.sort, options.group);
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.contact.findMany({
      where,
      orderBy,
      take: BATCH,
      ...(cursor ? { cursor: { companyId_id: { companyId: options.companyId, id: cursor } }, skip: 1 } : {}),
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        phone: true,
        jobTitle: true,
        employeeId: true,
        classification: true,
        isEmployee: true,
        origin: true,
        status: true,
        createdAt: true,
        inactivatedAt: true,
        vendor: { select: { name: true } },
        memberships: {
          where: { status: options.status },
          select: { project: { select: { name: true } } },
          orderBy: { project: { name: "asc" } },
        },
      },
    });
    yield* batch;
    if (batch.length < BATCH) return;
    cursor = batch[batch.length - 1]!.id;
  }
}
