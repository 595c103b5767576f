import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { historyEventSchema, type HistoryChanges, type VendorHistoryAction } from "@/shared/history-events";

/**
 * Records one event per company, set-based, each payload checked against its kind's schema:
 * for the changes whose payload differs per company (create, edit, merge). The bulk status
 * change writes its events in its own statement.
 */
export async function recordVendorEvents<A extends VendorHistoryAction>(
  tx: Prisma.TransactionClient,
  companyId: string,
  batchId: string,
  action: A,
  events: { vendorId: string; changes: HistoryChanges<A> }[],
): Promise<void> {
  if (events.length === 0) return;
  for (const { changes } of events) historyEventSchema.parse({ action, changes });
  await tx.$executeRaw`
    INSERT INTO "VendorEvent" ("companyId", "vendorId", "batchId", action, changes)
    SELECT ${companyId}::uuid, e."vendorId", ${batchId}::uuid, ${action}, e.changes
    FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS e("vendorId" uuid, changes jsonb)`;
}
