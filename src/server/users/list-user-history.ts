import "server-only";
import type { Db } from "@/server/db/transaction";
import { userEventSchema, type UserEvent } from "@/shared/history-events";

export type UserHistoryItem = UserEvent & {
  id: string;
  at: Date;
  actor: { id: string | null; name: string };
  reason: string | null;
  batchId: string;
  user: { id: string; name: string; email: string };
};

/** The company's changes to users (invited, added, joined, levels, inactivated, reactivated), newest first. */
export async function listUserHistory(
  db: Db,
  { companyId, userId, take = 50 }: { companyId: string; userId?: string; take?: number },
): Promise<UserHistoryItem[]> {
  const events = await db.userEvent.findMany({
    where: { companyId, ...(userId ? { userId } : {}) },
    orderBy: { seq: "desc" },
    take,
    select: {
      id: true,
      action: true,
      changes: true,
      createdAt: true,
      batchId: true,
      batch: { select: { actorId: true, actorName: true, reason: true } },
      user: { select: { id: true, name: true, email: true } },
    },
  });
  return events.map((e) => ({
    ...userEventSchema.parse({ action: e.action, changes: e.changes }),
    id: e.id,
    at: e.createdAt,
    actor: { id: e.batch.actorId, name: e.batch.actorName },
    reason: e.batch.reason,
    batchId: e.batchId,
    user: e.user,
  }));
}
