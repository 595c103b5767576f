import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { z } from "zod";
import {
  HISTORY_ACTIONS,
  USER_EVENT_ACTIONS,
  batchActionSchema,
  historyEventSchema,
  type BatchAction,
  type HistoryEvent,
} from "@/shared/history-events";
import {
  HISTORY_RECORDS,
  historyRecordOf,
  type CompanyHistoryAction,
  type HistoryFilters,
  type HistoryRecord,
} from "@/shared/history-filters";
import type { Db } from "@/server/db/transaction";
import { companyHistoryWhere } from "./list-history";

const actionSchema = z.enum([...HISTORY_ACTIONS, ...USER_EVENT_ACTIONS] as [
  CompanyHistoryAction,
  ...CompanyHistoryAction[],
]);

/** One change (a batch) as the Change History lists it: who, when, why, and how many of each kind of event. */
export type HistoryBatch = {
  id: string;
  /** What the change was (contacts.inactivate, vendors.merge, users.inactivate, …): its undo's permission follows. */
  action: BatchAction;
  projectId: string | null;
  at: Date;
  actor: { id: string | null; name: string };
  reason: string | null;
  undoneAt: Date | null;
  /** The batch's events by kind of record and action, most first: contacts "Inactivated" × 335. */
  counts: { record: HistoryRecord; action: CompanyHistoryAction; count: number }[];
  /** The distinct project directories its contacts' events touched. */
  projectCount: number;
};

export type HistoryBatchOptions = HistoryFilters & { companyId: string; page: number; perPage: number };

/** The events of one kind of record that a filter keeps: pinned by company, and by action when one is chosen. */
function eventsWhere(companyId: string, record: HistoryRecord, action: CompanyHistoryAction | undefined) {
  return { companyId, ...(action && historyRecordOf(action) === record ? { action } : {}) };
}

/**
 * The batches behind the events the filters match: a record or action filter keeps the
 * batches with an event of that kind (a company inactivated with its people is both a
 * company's change and its contacts'); the person and date filters are the batch's own.
 */
function batchWhere({ companyId, record, action, actorId, from, to }: Omit<HistoryBatchOptions, "page" | "perPage">) {
  const times = companyHistoryWhere({ companyId, from, to }).createdAt;
  const records = action ? [historyRecordOf(action)] : record ? [record] : HISTORY_RECORDS;
  const some = {
    contacts: { events: { some: eventsWhere(companyId, "contacts", action) } },
    companies: { vendorEvents: { some: eventsWhere(companyId, "companies", action) } },
    users: { userEvents: { some: eventsWhere(companyId, "users", action) } },
  } satisfies Record<HistoryRecord, Prisma.ChangeBatchWhereInput>;
  return {
    companyId,
    ...(actorId ? { actorId } : {}),
    ...(times ? { createdAt: times as Prisma.DateTimeFilter } : {}),
    OR: records.map((r) => some[r]),
  } satisfies Prisma.ChangeBatchWhereInput;
}

/** The company's changes, newest first, one page at a time, with how many match. */
export async function listHistoryBatches(
  db: Db,
  options: HistoryBatchOptions,
): Promise<{ batches: HistoryBatch[]; total: number }> {
  const where = batchWhere(options);
  const [rows, total] = await Promise.all([
    db.changeBatch.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (options.page - 1) * options.perPage,
      take: options.perPage,
      select: {
        id: true,
        action: true,
        projectId: true,
        createdAt: true,
        actorId: true,
        actorName: true,
        reason: true,
        undoneAt: true,
      },
    }),
    db.changeBatch.count({ where }),
  ]);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { batches: [], total };
  const { companyId } = options;
  const inBatches = { companyId, batchId: { in: ids } };
  const [contactCounts, vendorCounts, userCounts, projects] = await Promise.all([
    db.contactEvent.groupBy({ by: ["batchId", "action"], where: inBatches, _count: { _all: true } }),
    db.vendorEvent.groupBy({ by: ["batchId", "action"], where: inBatches, _count: { _all: true } }),
    db.userEvent.groupBy({ by: ["batchId", "action"], where: inBatches, _count: { _all: true } }),
    db.$queryRaw<{ batchId: string; projects: number }[]>`
      SELECT e."batchId"::text AS "batchId", count(DISTINCT p)::int AS projects
      FROM "ContactEvent" e CROSS JOIN LATERAL unnest(e."projectIds") AS p
      WHERE e."companyId" = ${companyId}::uuid AND e."batchId" = ANY(${ids}::uuid[])
      GROUP BY e."batchId"`,
  ]);
  const counts = [
    ...contactCounts.map((c) => ({ ...c, record: "contacts" as const })),
    ...vendorCounts.map((c) => ({ ...c, record: "companies" as const })),
    ...userCounts.map((c) => ({ ...c, record: "users" as const })),
  ];
  const projectCount = new Map(projects.map((p) => [p.batchId, p.projects]));
  return {
    total,
    batches: rows.map((r) => ({
      id: r.id,
      action: batchActionSchema.parse(r.action),
      projectId: r.projectId,
      at: r.createdAt,
      actor: { id: r.actorId, name: r.actorName },
      reason: r.reason,
      undoneAt: r.undoneAt,
      counts: counts
        .filter((c) => c.batchId === r.id)
        .map((c) => ({ record: c.record, action: actionSchema.parse(c.action), count: c._count._all }))
        .sort((a, b) => b.count - a.count),
      projectCount: projectCount.get(r.id) ?? 0,
    })),
  };
}

/** How many contacts a batch's expansion shows at a time. */
export const BATCH_CONTACTS_PAGE = 100;

export type BatchEvent = HistoryEvent & { id: string; projectIds: string[]; contact: { id: string; name: string } };

/** One batch's events (its contacts), in the order they were written, a page at a time. */
export async function listBatchEvents(
  db: Db,
  { companyId, batchId, page }: { companyId: string; batchId: string; page: number },
): Promise<{ items: BatchEvent[]; total: number }> {
  const where = { companyId, batchId } satisfies Prisma.ContactEventWhereInput;
  const [events, total] = await Promise.all([
    db.contactEvent.findMany({
      where,
      orderBy: { seq: "asc" },
      skip: (page - 1) * BATCH_CONTACTS_PAGE,
      take: BATCH_CONTACTS_PAGE,
      select: {
        id: true,
        action: true,
        changes: true,
        projectIds: true,
        contact: { select: { id: true, firstName: true, lastName: true } },
      },
    }),
    db.contactEvent.count({ where }),
  ]);
  return {
    total,
    items: events.map((e) => ({
      ...historyEventSchema.parse({ action: e.action, changes: e.changes }),
      id: e.id,
      projectIds: e.projectIds,
      contact: { id: e.contact.id, name: `${e.contact.firstName} ${e.contact.lastName}` },
    })),
  };
}
