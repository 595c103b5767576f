import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { userEventSchema, type UserEventAction, type UserEventChanges } from "@/shared/history-events";

/** Records one event per user in a batch, set-based, each payload checked against its kind's schema. */
export async function recordUserEvents<A extends UserEventAction>(
  tx: Prisma.TransactionClient,
  companyId: string,
  batchId: string,
  action: A,
  events: { userId: string; changes: UserEventChanges<A> }[],
): Promise<void> {
  if (events.length === 0) return;
  for (const { changes } of events) userEventSchema.parse({ action, changes });
  await tx.$executeRaw`
    INSERT INTO "UserEvent" ("companyId", "userId", "batchId", action, changes)
    SELECT ${companyId}::uuid, e."userId", ${batchId}::uuid, ${action}, e.changes
    FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS e("userId" uuid, changes jsonb)`;
}
