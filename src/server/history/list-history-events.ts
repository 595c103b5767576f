import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/transaction";
import { historyEventSchema, userEventSchema, type UserEvent, type VendorHistoryEvent } from "@/shared/history-events";
import { HISTORY_RECORDS, historyRecordOf, type HistoryFilters, type HistoryRecord } from "@/shared/history-filters";
import { itemSelect, toItem, type HistoryItem } from "./list-history";

type EntryBase = {
  id: string;
  at: Date;
  actor: { id: string | null; name: string; email: string | null };
  batchId: string;
  reason: string | null;
};

/** One event of the company's Change History: a contact's, a company's (vendor's) or a user's. */
export type CompanyHistoryEntry =
  | ({ record: "contacts" } & HistoryItem)
  | ({ record: "companies" } & VendorHistoryEvent & EntryBase & { vendor: { id: string; name: string } })
  | ({ record: "users" } & UserEvent & EntryBase & { user: { id: string; name: string; email: string } });

export type HistoryEventsOptions = HistoryFilters & {
  companyId: string;
  /** Only the events of these batches (the Change History's rows of one event). */
  batchIds?: string[];
};

/** Where an entry stands in the history's order, for reading on after it. */
type Position = { batchAt: Date; batchId: string; record: HistoryRecord; seq: bigint };
type Ref = Position & { id: string };

const TABLE = { contacts: "ContactEvent", companies: "VendorEvent", users: "UserEvent" } as const;

/** Each kind of record's events the filters keep, as one SELECT per table, each pinned by company. */
function arms({ companyId, record, action, from, to, batchIds }: HistoryEventsOptions): Prisma.Sql[] {
  const records = action ? [historyRecordOf(action)] : record ? [record] : HISTORY_RECORDS;
  return records.map(
    (r) => Prisma.sql`
      SELECT ${r}::text AS record, e.id, e."batchId", e.seq
      FROM ${Prisma.raw(`"${TABLE[r]}"`)} e
      WHERE e."companyId" = ${companyId}::uuid
        ${action ? Prisma.sql`AND e.action = ${action}` : Prisma.empty}
        ${from ? Prisma.sql`AND e."createdAt" >= ${new Date(`${from}T00:00:00Z`)}` : Prisma.empty}
        ${to ? Prisma.sql`AND e."createdAt" < ${new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000)}` : Prisma.empty}
        ${batchIds ? Prisma.sql`AND e."batchId" = ANY(${batchIds}::uuid[])` : Prisma.empty}`,
  );
}

/**
 * The filtered events of all three tables with their batches: newest change first, and
 * within one change, in the order its events were written (newest first).
 */
function fromEvents(options: HistoryEventsOptions): Prisma.Sql {
  const { companyId, actorId } = options;
  return Prisma.sql`
    FROM (${Prisma.join(arms(options), " UNION ALL ")}) r
    JOIN "ChangeBatch" b ON b."companyId" = ${companyId}::uuid AND b.id = r."batchId"
    WHERE b."companyId" = ${companyId}::uuid ${actorId ? Prisma.sql`AND b."actorId" = ${actorId}::uuid` : Prisma.empty}`;
}

async function listRefs(
  db: Db,
  options: HistoryEventsOptions,
  page: { after?: Position; offset?: number; limit: number },
): Promise<Ref[]> {
  const after = page.after
    ? Prisma.sql`AND (b."createdAt", b.id, r.record, r.seq) < (${page.after.batchAt}::timestamptz, ${page.after.batchId}::uuid, ${page.after.record}::text, ${page.after.seq}::bigint)`
    : Prisma.empty;
  return db.$queryRaw<Ref[]>`
    SELECT r.record, r.id::text AS id, r.seq, b."createdAt" AS "batchAt", b.id::text AS "batchId"
    ${fromEvents(options)} ${after}
    ORDER BY b."createdAt" DESC, b.id DESC, r.record DESC, r.seq DESC
    LIMIT ${page.limit} OFFSET ${page.offset ?? 0}`;
}

/** The entries behind these references, in their order, each parsed by its kind's schema. */
async function loadEntries(db: Db, companyId: string, refs: Ref[]): Promise<CompanyHistoryEntry[]> {
  const ids = (r: HistoryRecord) => refs.filter((ref) => ref.record === r).map((ref) => ref.id);
  const batch = { select: { actorId: true, actorName: true, reason: true } } as const;
  const [contacts, vendors, users] = await Promise.all([
    ids("contacts").length
      ? db.contactEvent.findMany({ where: { companyId, id: { in: ids("contacts") } }, select: itemSelect })
      : [],
    ids("companies").length
      ? db.vendorEvent.findMany({
          where: { companyId, id: { in: ids("companies") } },
          select: {
            id: true,
            action: true,
            changes: true,
            createdAt: true,
            batchId: true,
            batch,
            vendor: { select: { id: true, name: true } },
          },
        })
      : [],
    ids("users").length
      ? db.userEvent.findMany({
          where: { companyId, id: { in: ids("users") } },
          select: {
            id: true,
            action: true,
            changes: true,
            createdAt: true,
            batchId: true,
            batch,
            user: { select: { id: true, name: true, email: true } },
          },
        })
      : [],
  ]);
  const base = (e: { id: string; createdAt: Date; batchId: string; batch: (typeof vendors)[number]["batch"] }) => ({
    id: e.id,
    at: e.createdAt,
    actor: { id: e.batch.actorId, name: e.batch.actorName, email: null },
    batchId: e.batchId,
    reason: e.batch.reason,
  });
  const byId = new Map<string, CompanyHistoryEntry>([
    ...contacts.map((e) => [e.id, { record: "contacts" as const, ...toItem(e) }] as const),
    ...vendors.map(
      (e) =>
        [
          e.id,
          {
            record: "companies" as const,
            ...(historyEventSchema.parse({ action: e.action, changes: e.changes }) as VendorHistoryEvent),
            ...base(e),
            vendor: e.vendor,
          },
        ] as const,
    ),
    ...users.map(
      (e) =>
        [
          e.id,
          {
            record: "users" as const,
            ...userEventSchema.parse({ action: e.action, changes: e.changes }),
            ...base(e),
            user: e.user,
          },
        ] as const,
    ),
  ]);
  const entries = refs.map((ref) => byId.get(ref.id)!);
  return withActorEmails(db, entries);
}

/** Who acted, by the sign-in email their user id has (a name is only what someone was called). */
async function withActorEmails(db: Db, entries: CompanyHistoryEntry[]): Promise<CompanyHistoryEntry[]> {
  const ids = [...new Set(entries.flatMap((e) => (e.actor.id ? [e.actor.id] : [])))];
  if (ids.length === 0) return entries;
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
  const emails = new Map(users.map((u) => [u.id, u.email]));
  for (const entry of entries) entry.actor.email = entry.actor.id ? (emails.get(entry.actor.id) ?? null) : null;
  return entries;
}

/** The company's Change History, every kind of record, newest first, one page at a time, with how many match. */
export async function listHistoryEvents(
  db: Db,
  options: HistoryEventsOptions & { page: number; perPage: number },
): Promise<{ items: CompanyHistoryEntry[]; total: number }> {
  const [refs, [count]] = await Promise.all([
    listRefs(db, options, { limit: options.perPage, offset: (options.page - 1) * options.perPage }),
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${fromEvents(options)}`,
  ]);
  return { items: await loadEntries(db, options.companyId, refs), total: count!.total };
}

/** The events of these batches (one company's), for the Change History's rows of a single event. */
export async function listBatchEntries(db: Db, companyId: string, batchIds: string[]): Promise<CompanyHistoryEntry[]> {
  if (batchIds.length === 0) return [];
  const refs = await listRefs(db, { companyId, batchIds }, { limit: batchIds.length });
  return loadEntries(db, companyId, refs);
}

/**
 * Every entry matching the filters, in the history's order, read on from the last one
 * (keyset): for the CSV export, which must not hold a company's whole history in memory.
 */
export async function* streamHistoryEvents(
  db: Db,
  options: HistoryEventsOptions,
  batchSize = 1000,
): AsyncGenerator<CompanyHistoryEntry> {
  let after: Position | undefined;
  for (;;) {
    const refs = await listRefs(db, options, { after, limit: batchSize });
    yield* await loadEntries(db, options.companyId, refs);
    if (refs.length < batchSize) return;
    after = refs.at(-1)!;
  }
}
