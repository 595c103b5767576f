import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { historyEventSchema, type BatchAction, type HistoryAction, type HistoryChanges } from "@/shared/history-events";
import type { ChangedBy } from "./changed-by";

/**
 * Starts the record of one change inside its transaction: if the change rolls back, so
 * does its history. Returns the batch id the contact events point to.
 */
export async function openBatch(
  tx: Prisma.TransactionClient,
  companyId: string,
  action: BatchAction,
  by: ChangedBy,
  scope: { projectId?: string; undoesId?: string } = {},
): Promise<string> {
  const [batch] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "ChangeBatch" ("companyId", action, "actorId", "actorName", reason, "projectId", "undoesId")
    VALUES (${companyId}::uuid, ${action}, ${by.actorId}::uuid, ${by.actorName}, ${by.reason ?? null},
            ${scope.projectId ?? null}::uuid, ${scope.undoesId ?? null}::uuid)
    RETURNING id::text AS id`;
  return batch!.id;
}

/**
 * Records one event per contact, set-based, each payload checked against its kind's schema.
 * For the changes whose payload differs per contact and is known here (create, update, the
 * undo of a removal); the set-based writers build their events in their own statements.
 */
export async function recordEvents<A extends HistoryAction>(
  tx: Prisma.TransactionClient,
  companyId: string,
  batchId: string,
  action: A,
  events: { contactId: string; projectIds: string[]; changes: HistoryChanges<A> }[],
): Promise<void> {
  if (events.length === 0) return;
  for (const { changes } of events) historyEventSchema.parse({ action, changes });
  await tx.$executeRaw`
    INSERT INTO "ContactEvent" ("companyId", "contactId", "batchId", action, "projectIds", changes)
    SELECT ${companyId}::uuid, e."contactId", ${batchId}::uuid, ${action}, e."projectIds", e.changes
    FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS e("contactId" uuid, "projectIds" uuid[], changes jsonb)`;
}
