import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ChangedBy } from "./changed-by";

/** What a batch did; the undo rules (undo-batch.ts) follow from it. */
export type BatchAction =
  | "contact.create"
  | "contact.update"
  | "contacts.inactivate"
  | "contacts.reactivate"
  | "project.add_contacts"
  | "project.remove_contacts"
  | "contacts.import"
  | "batch.undo";

/** What a batch did to one contact, as the history API names it. */
export type EventAction =
  | "contact.created"
  | "contact.updated"
  | "contact.inactivated"
  | "contact.reactivated"
  | "contact.added_to_project"
  | "contact.removed_from_project"
  | "contact.imported"
  | "contact.updated_by_import"
  | "batch.undone";

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
 * Records one event per contact, set-based. For the few-row changes (create, update,
 * add, remove); the bulk status change writes its events in its own UPDATE statement.
 */
export async function recordEvents(
  tx: Prisma.TransactionClient,
  companyId: string,
  batchId: string,
  action: EventAction,
  events: { contactId: string; projectIds: string[]; changes: Record<string, unknown> }[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "ContactEvent" ("companyId", "contactId", "batchId", action, "projectIds", changes)
    SELECT ${companyId}::uuid, e."contactId", ${batchId}::uuid, ${action}, e."projectIds", e.changes
    FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS e("contactId" uuid, "projectIds" uuid[], changes jsonb)`;
}
