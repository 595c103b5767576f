import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { VendorKind } from "@/generated/prisma/enums";
import { conflict } from "@/server/errors";
import { recordEvents } from "@/server/history/open-batch";
import {
  historyEventSchema,
  type HistoryChanges,
  type HistoryEvent,
  type VendorHistoryEvent,
} from "@/shared/history-events";
import type { VendorListStatus } from "@/shared/vendor-query";
import { lockVendors } from "./lock-vendors";
import { recordVendorEvents } from "./record-vendor-events";
import { isNameTaken } from "./vendor-name-taken";

// The company side of undo-batch.ts, the one undo entry point: it calls these for the
// companies' batches (bulk inactivate, reactivate, merge).

type Tx = Prisma.TransactionClient;

/** One company's event in a batch, read through the history's schema. */
export type BatchVendorEvent = VendorHistoryEvent & { vendorId: string };
type BatchContactEvent = HistoryEvent & { contactId: string };

export async function batchVendorEvents(tx: Tx, companyId: string, batchId: string): Promise<BatchVendorEvent[]> {
  const rows = await tx.$queryRaw<{ vendorId: string; action: string; changes: unknown }[]>`
    SELECT "vendorId"::text AS "vendorId", action, changes FROM "VendorEvent"
    WHERE "companyId" = ${companyId}::uuid AND "batchId" = ${batchId}::uuid ORDER BY "vendorId"`;
  return rows.map(({ action, changes, vendorId }) => ({
    vendorId,
    ...(historyEventSchema.parse({ action, changes }) as VendorHistoryEvent),
  }));
}

/**
 * Locks the batch's companies (before any contact, the lock order) and refuses, changing
 * nothing, when any of them has changed since: any later event in its history.
 */
export async function lockVendorsAndCheckUnchanged(
  tx: Tx,
  companyId: string,
  batchId: string,
  vendorIds: string[],
): Promise<void> {
  await lockVendors(tx, companyId, vendorIds);
  const changedSince = await tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT DISTINCT v.id::text AS id, v.name FROM "VendorEvent" e
    JOIN "Vendor" v ON v."companyId" = e."companyId" AND v.id = e."vendorId"
    WHERE e."companyId" = ${companyId}::uuid AND e."batchId" = ${batchId}::uuid
      -- One index probe per company of the batch for its latest event (see undo-batch.ts).
      AND e.seq < (SELECT max(later.seq) FROM "VendorEvent" later
                   WHERE later."companyId" = e."companyId" AND later."vendorId" = e."vendorId")
    ORDER BY v.name`;
  if (changedSince.length) {
    const names = changedSince.map((v) => `"${v.name}"`).join(", ");
    throw conflict(
      `Nothing was undone: ${names} ${changedSince.length === 1 ? "has" : "have"} changed since. Change ${changedSince.length === 1 ? "it" : "them"} by hand instead.`,
      { vendors: changedSince },
    );
  }
}

/** Takes back a bulk company inactivation (to ACTIVE) or reactivation (to INACTIVE); their people are the caller's. */
export async function undoVendorStatus(
  tx: Tx,
  companyId: string,
  undoId: string,
  batchId: string,
  to: VendorListStatus,
  vendorIds: string[],
): Promise<void> {
  const from: VendorListStatus = to === "ACTIVE" ? "INACTIVE" : "ACTIVE";
  const changes = JSON.stringify({ undoes: batchId, status: { from, to } });
  await tx.$executeRaw`
    WITH back AS (
      UPDATE "Vendor" SET status = ${to}::"VendorStatus",
        "inactivatedAt" = CASE WHEN ${to} = 'INACTIVE' THEN now() END, "updatedAt" = now()
      WHERE "companyId" = ${companyId}::uuid AND id = ANY(${vendorIds}::uuid[]) AND status = ${from}::"VendorStatus"
      RETURNING id
    )
    INSERT INTO "VendorEvent" ("companyId", "vendorId", "batchId", action, changes)
    SELECT ${companyId}::uuid, id, ${undoId}::uuid, 'vendor.undone', ${changes}::jsonb FROM back`;
}

/**
 * Takes back a merge exactly: the kept company's fields as they were, the merged-away
 * companies in the status (and with the inactivation time) they had, each contact with
 * the company it worked for.
 */
export async function undoVendorMerge(
  tx: Tx,
  companyId: string,
  undoId: string,
  batchId: string,
  vendorEvents: BatchVendorEvent[],
  contactEvents: BatchContactEvent[],
): Promise<void> {
  try {
    const kept = vendorEvents.find((e) => e.action === "vendor.merged_into");
    if (kept && kept.action === "vendor.merged_into") {
      const fields = kept.changes.fields;
      const data = Object.fromEntries(Object.entries(fields).map(([field, c]) => [field, c.from]));
      if (Object.keys(data).length) {
        await tx.vendor.update({
          where: { companyId_id: { companyId, id: kept.vendorId } },
          data: data as Prisma.VendorUpdateInput & { kind?: VendorKind },
        });
      }
      await recordVendorEvents(tx, companyId, undoId, "vendor.undone", [
        {
          vendorId: kept.vendorId,
          changes: {
            undoes: batchId,
            fields: Object.fromEntries(Object.entries(fields).map(([f, c]) => [f, { from: c.to, to: c.from }])),
          },
        },
      ]);
    }
    const away = vendorEvents.flatMap((e) => (e.action === "vendor.merged" ? [e] : []));
    const rows = JSON.stringify(
      away.map((e) => ({ id: e.vendorId, status: e.changes.status.from, inactivatedAt: e.changes.inactivatedAt })),
    );
    await tx.$executeRaw`
      UPDATE "Vendor" v SET status = m.status::"VendorStatus", "mergedIntoId" = NULL,
        "inactivatedAt" = m."inactivatedAt", "updatedAt" = now()
      FROM jsonb_to_recordset(${rows}::jsonb) AS m(id uuid, status text, "inactivatedAt" timestamptz)
      WHERE v."companyId" = ${companyId}::uuid AND v.id = m.id AND v.status = 'MERGED'`;
    await recordVendorEvents(
      tx,
      companyId,
      undoId,
      "vendor.undone",
      away.map((e) => ({
        vendorId: e.vendorId,
        changes: { undoes: batchId, status: { from: "MERGED" as const, to: e.changes.status.from } },
      })),
    );
  } catch (error) {
    if (isNameTaken(error)) {
      throw conflict(
        "Nothing was undone: a company with one of these names was added since. Rename or merge it, then undo.",
      );
    }
    throw error;
  }
  const moved = contactEvents.flatMap((e) => {
    if (e.action !== "contact.updated" || !e.changes.vendorId) return [];
    return [{ contactId: e.contactId, from: e.changes.vendorId.from as string | null, to: e.changes.vendorId.to }];
  });
  const back = JSON.stringify(moved.map((m) => ({ contactId: m.contactId, vendorId: m.from })));
  await tx.$executeRaw`
    UPDATE "Contact" c SET "vendorId" = m."vendorId", "updatedAt" = now()
    FROM jsonb_to_recordset(${back}::jsonb) AS m("contactId" uuid, "vendorId" uuid)
    WHERE c."companyId" = ${companyId}::uuid AND c.id = m."contactId"`;
  await recordEvents(
    tx,
    companyId,
    undoId,
    "batch.undone",
    moved.map((m): { contactId: string; projectIds: string[]; changes: HistoryChanges<"batch.undone"> } => ({
      contactId: m.contactId,
      projectIds: [],
      changes: { undoes: batchId, fields: { vendorId: { from: m.to, to: m.from } } },
    })),
  );
}
