import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { contactEventSchema, type ContactHistoryEvent } from "@/shared/history-events";
import type { HistoryFilters } from "@/shared/history-filters";
import type { Db } from "@/server/db/transaction";

/** One entry of a contact's history, as the timeline, the Change History page and the API show it. */
export type HistoryItem = ContactHistoryEvent & {
  id: string;
  at: Date;
  /** The name they acted under, and who they are: their user id and sign-in email (null for the system). */
  actor: { id: string | null; name: string; email: string | null };
  batchId: string;
  reason: string | null;
  projectIds: string[];
  contact: { id: string; name: string };
};

export const itemSelect = {
  id: true,
  action: true,
  createdAt: true,
  batchId: true,
  projectIds: true,
  changes: true,
  batch: { select: { actorId: true, actorName: true, reason: true } },
  contact: { select: { id: true, firstName: true, lastName: true } },
} satisfies Prisma.ContactEventSelect;

export function toItem(e: Prisma.ContactEventGetPayload<{ select: typeof itemSelect }>): HistoryItem {
  return {
    ...contactEventSchema.parse({ action: e.action, changes: e.changes }),
    id: e.id,
    at: e.createdAt,
    actor: { id: e.batch.actorId, name: e.batch.actorName, email: null },
    batchId: e.batchId,
    reason: e.batch.reason,
    projectIds: e.projectIds,
    contact: { id: e.contact.id, name: `${e.contact.firstName} ${e.contact.lastName}` },
  };
}

/**
 * A contact's history, newest first, with the history of the contacts merged into it
 * (theirs name them in `contact`: "merged from"); null when the contact is not in this company.
 */
export async function listContactHistory(db: Db, companyId: string, contactId: string): Promise<HistoryItem[] | null> {
  const contact = await db.contact.findUnique({
    where: { companyId_id: { companyId, id: contactId } },
    select: { id: true },
  });
  if (!contact) return null;
  // Merged into this one, or into one merged into it: at most a few rows, through (companyId, mergedIntoId).
  const merged = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE m AS (
      SELECT id FROM "Contact" WHERE "companyId" = ${companyId}::uuid AND "mergedIntoId" = ${contactId}::uuid
      UNION
      SELECT c.id FROM "Contact" c JOIN m ON c."companyId" = ${companyId}::uuid AND c."mergedIntoId" = m.id
    )
    SELECT id::text AS id FROM m`;
  const events = await db.contactEvent.findMany({
    where: { companyId, contactId: { in: [contactId, ...merged.map((m) => m.id)] } },
    orderBy: { seq: "desc" },
    select: itemSelect,
  });
  return withActorEmails(db, events.map(toItem));
}

/**
 * Fills in each actor's sign-in email. A name is only what someone was called: the id
 * and email, which users cannot change themselves, say who acted.
 */
async function withActorEmails(db: Db, items: HistoryItem[]): Promise<HistoryItem[]> {
  const ids = [...new Set(items.flatMap((i) => (i.actor.id ? [i.actor.id] : [])))];
  if (ids.length === 0) return items;
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
  const emails = new Map(users.map((u) => [u.id, u.email]));
  for (const item of items) item.actor.email = item.actor.id ? (emails.get(item.actor.id) ?? null) : null;
  return items;
}

/** The events of these batches (of one company), oldest first: a change of one contact is shown by its one event. */
export async function listBatchItems(db: Db, companyId: string, batchIds: string[]): Promise<HistoryItem[]> {
  if (batchIds.length === 0) return [];
  const events = await db.contactEvent.findMany({
    where: { companyId, batchId: { in: batchIds } },
    orderBy: { seq: "asc" },
    select: itemSelect,
  });
  return events.map(toItem);
}

export type CompanyHistoryOptions = HistoryFilters & { companyId: string; page: number; perPage: number };

export function companyHistoryWhere({
  companyId,
  action,
  actorId,
  from,
  to,
}: Omit<CompanyHistoryOptions, "page" | "perPage">): Prisma.ContactEventWhereInput {
  return {
    companyId,
    ...(action ? { action } : {}),
    ...(actorId ? { batch: { actorId } } : {}),
    ...(from || to
      ? {
          createdAt: {
            ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}),
            // Through the end of the last day.
            ...(to ? { lt: new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}

/** The company's Change History, newest first, one page at a time, with how many entries match. */
export async function listCompanyHistory(
  db: Db,
  options: CompanyHistoryOptions,
): Promise<{ items: HistoryItem[]; total: number }> {
  const where = companyHistoryWhere(options);
  const [events, total] = await Promise.all([
    db.contactEvent.findMany({
      where,
      orderBy: { seq: "desc" },
      skip: (options.page - 1) * options.perPage,
      take: options.perPage,
      select: itemSelect,
    }),
    db.contactEvent.count({ where }),
  ]);
  return { items: await withActorEmails(db, events.map(toItem)), total };
}

/** The people who appear in a company's history, for the Person filter. */
export async function listHistoryActors(db: Db, companyId: string): Promise<{ id: string; name: string }[]> {
  return db.$queryRaw<{ id: string; name: string }[]>`
    SELECT DISTINCT ON (b."actorId") b."actorId"::text AS id, b."actorName" AS name
    FROM "ChangeBatch" b
    WHERE b."companyId" = ${companyId}::uuid AND b."actorId" IS NOT NULL
    ORDER BY b."actorId", b."createdAt" DESC`;
}

/**
 * Every entry matching the filters, newest first, in batches (keyset on seq): for the
 * CSV export, which must not hold a company's whole history in memory.
 */
export async function* streamCompanyHistory(
  db: Db,
  options: Omit<CompanyHistoryOptions, "page" | "perPage">,
  batchSize = 1000,
): AsyncGenerator<HistoryItem> {
  const where = companyHistoryWhere(options);
  let before: bigint | null = null;
  for (;;) {
    const events: (Prisma.ContactEventGetPayload<{ select: typeof itemSelect }> & { seq: bigint })[] =
      await db.contactEvent.findMany({
        where: before === null ? where : { AND: [where, { seq: { lt: before } }] },
        orderBy: { seq: "desc" },
        take: batchSize,
        select: { ...itemSelect, seq: true },
      });
    yield* await withActorEmails(db, events.map(toItem));
    if (events.length < batchSize) return;
    before = events.at(-1)!.seq;
  }
}
