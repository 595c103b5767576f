import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/transaction";
import { historyEventSchema, type VendorHistoryEvent } from "@/shared/history-events";

/** One entry of a company's history, as its page, the Change History and the API show it. */
export type VendorHistoryItem = VendorHistoryEvent & {
  id: string;
  at: Date;
  actor: { id: string | null; name: string; email: string | null };
  batchId: string;
  reason: string | null;
  vendor: { id: string; name: string };
};

const itemSelect = {
  id: true,
  action: true,
  createdAt: true,
  batchId: true,
  changes: true,
  batch: { select: { actorId: true, actorName: true, reason: true } },
  vendor: { select: { id: true, name: true } },
} satisfies Prisma.VendorEventSelect;

function toItem(e: Prisma.VendorEventGetPayload<{ select: typeof itemSelect }>): VendorHistoryItem {
  return {
    ...(historyEventSchema.parse({ action: e.action, changes: e.changes }) as VendorHistoryEvent),
    id: e.id,
    at: e.createdAt,
    actor: { id: e.batch.actorId, name: e.batch.actorName, email: null },
    batchId: e.batchId,
    reason: e.batch.reason,
    vendor: e.vendor,
  };
}

async function withActorEmails(db: Db, items: VendorHistoryItem[]): Promise<VendorHistoryItem[]> {
  const ids = [...new Set(items.flatMap((i) => (i.actor.id ? [i.actor.id] : [])))];
  if (ids.length === 0) return items;
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
  const emails = new Map(users.map((u) => [u.id, u.email]));
  for (const item of items) item.actor.email = item.actor.id ? (emails.get(item.actor.id) ?? null) : null;
  return items;
}

/** A company's history, newest first; null when the company is not in this company. */
export async function listVendorHistory(
  db: Db,
  companyId: string,
  vendorId: string,
): Promise<VendorHistoryItem[] | null> {
  const vendor = await db.vendor.findUnique({
    where: { companyId_id: { companyId, id: vendorId } },
    select: { id: true },
  });
  if (!vendor) return null;
  const events = await db.vendorEvent.findMany({
    where: { companyId, vendorId },
    orderBy: { seq: "desc" },
    take: 500,
    select: itemSelect,
  });
  return withActorEmails(db, events.map(toItem));
}

export type VendorHistoryFilters = {
  companyId: string;
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
};

function where({ companyId, action, actorId, from, to }: VendorHistoryFilters): Prisma.VendorEventWhereInput {
  return {
    companyId,
    ...(action ? { action } : {}),
    ...(actorId ? { batch: { actorId } } : {}),
    ...(from || to
      ? {
          createdAt: {
            ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}),
            ...(to ? { lt: new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}

/** The company-wide Change History of companies, newest first, one page at a time. */
export async function listCompanyVendorHistory(
  db: Db,
  options: VendorHistoryFilters & { page: number; perPage: number },
): Promise<{ items: VendorHistoryItem[]; total: number }> {
  const w = where(options);
  const [events, total] = await Promise.all([
    db.vendorEvent.findMany({
      where: w,
      orderBy: { seq: "desc" },
      skip: (options.page - 1) * options.perPage,
      take: options.perPage,
      select: itemSelect,
    }),
    db.vendorEvent.count({ where: w }),
  ]);
  return { items: await withActorEmails(db, events.map(toItem)), total };
}
