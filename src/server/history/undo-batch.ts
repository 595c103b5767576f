import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { DirectoryStatus } from "@/shared/directory-query";
import { flipContactStatus } from "@/server/contacts/flip-contact-status";
import { lockContacts } from "@/server/contacts/lock-contacts";
import { inTransaction, type Db } from "@/server/db/transaction";
import { conflict, notFound } from "@/server/errors";
import { withIdempotency } from "@/server/idempotency/with-idempotency";
import type { Actor } from "@/server/permissions/actor";
import {
  batchActionSchema,
  historyEventSchema,
  type BatchAction,
  type HistoryChanges,
  type HistoryEvent,
} from "@/shared/history-events";
import { changedBy, SYSTEM, type ChangedBy } from "./changed-by";
import { undoImport } from "@/server/import/undo-import";
import {
  batchVendorEvents,
  lockVendorsAndCheckUnchanged,
  undoVendorMerge,
  undoVendorStatus,
} from "@/server/vendors/undo-vendor-batch";
import { undoMerge } from "@/server/contacts/undo-merge";
import { openBatch, recordEvents } from "./open-batch";

type Tx = Prisma.TransactionClient;

/** The batches Undo can take back: the bulk changes of the directory tabs. */
export const UNDOABLE: readonly BatchAction[] = [
  "contacts.inactivate",
  "contacts.reactivate",
  "project.remove_contacts",
  "contacts.import",
  "vendors.inactivate",
  "vendors.reactivate",
  "vendors.merge",
  "contacts.merge",
];

export type BatchSummary = { id: string; action: BatchAction; projectId: string | null; undoneAt: Date | null };

export type UndoResult = {
  /** The undo's own record in the history. */
  batchId: string;
  undoneBatchId: string;
  /** The contacts put back, in id order. */
  contactIds: string[];
  /** The companies (vendors) put back, in id order. */
  vendorIds: string[];
  projectIds: string[];
};

/** A batch of this company, or null: what a caller checks permission against before undoing it. */
export async function getBatch(db: Db, companyId: string, batchId: string): Promise<BatchSummary | null> {
  const batch = await db.changeBatch.findUnique({
    where: { companyId_id: { companyId, id: batchId } },
    select: { id: true, action: true, projectId: true, undoneAt: true },
  });
  return batch ? { ...batch, action: batchActionSchema.parse(batch.action) } : null;
}

/** One contact's event in a batch, read through the history's schema. */
type BatchEvent = HistoryEvent & { contactId: string; projectIds: string[] };

/**
 * Puts back exactly what a batch changed, memberships (and crews) included, in one
 * transaction, and records the undo as a batch of its own. Refuses with a conflict that
 * names the contacts — changing nothing — when any of them has changed since (any later
 * event in its history), or when the batch was already undone.
 */
export function undoBatch(
  db: Db,
  { companyId, batchId, by = SYSTEM }: { companyId: string; batchId: string; by?: ChangedBy },
): Promise<UndoResult> {
  return inTransaction(db, async (tx) => {
    // Locking the batch row makes two undos of one batch queue; the second sees undoneAt.
    const [batch] = await tx.$queryRaw<{ action: string; projectId: string | null; undoneAt: Date | null }[]>`
      SELECT action, "projectId"::text AS "projectId", "undoneAt" FROM "ChangeBatch"
      WHERE "companyId" = ${companyId}::uuid AND id = ${batchId}::uuid FOR UPDATE`;
    if (!batch) throw notFound("That change was not found in this company's history.");
    if (batch.undoneAt) throw conflict("That change was already undone.");
    const action = batchActionSchema.parse(batch.action);
    if (!UNDOABLE.includes(action)) {
      throw conflict(
        "Only imports, merges, bulk inactivations, reactivations, company merges and removals from a project can be undone.",
      );
    }
    // A batch's events never change, so they may be read before its companies and contacts are locked.
    const vendorEvents = await batchVendorEvents(tx, companyId, batchId);
    const vendorIds = vendorEvents.map((e) => e.vendorId);
    if (vendorIds.length) await lockVendorsAndCheckUnchanged(tx, companyId, batchId, vendorIds);
    const events = await batchEvents(tx, companyId, batchId);
    const contactIds = events.map((e) => e.contactId);
    await lockContacts(tx, companyId, contactIds);
    // Each contact's latest event, one index probe per contact of the batch (a correlated
    // subquery is always run that way). As a self-join, a planner without fresh statistics
    // joined every event of the batch to every event of the company: 134 s for 9,876.
    const changedSince = await tx.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT e."contactId"::text AS id FROM "ContactEvent" e
      WHERE e."companyId" = ${companyId}::uuid AND e."batchId" = ${batchId}::uuid
        AND e.seq < (SELECT max(later.seq) FROM "ContactEvent" later
                     WHERE later."companyId" = e."companyId" AND later."contactId" = e."contactId")`;
    if (changedSince.length) {
      const named = await tx.contact.findMany({
        where: { companyId, id: { in: changedSince.map((c) => c.id) } },
        orderBy: { id: "asc" },
        select: { id: true, firstName: true, lastName: true },
      });
      const contacts = named.map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}` }));
      throw conflict(
        `Nothing was undone: ${listNames(contacts.map((c) => c.name))} ${contacts.length === 1 ? "has" : "have"} changed since. Change ${contacts.length === 1 ? "them" : "those contacts"} by hand instead.`,
        { contacts },
      );
    }
    const undoId = await openBatch(tx, companyId, "batch.undo", by, {
      undoesId: batchId,
      ...(batch.projectId ? { projectId: batch.projectId } : {}),
    });
    if (action === "vendors.merge") {
      await undoVendorMerge(tx, companyId, undoId, batchId, vendorEvents, events);
    } else if (action === "vendors.inactivate" || action === "vendors.reactivate") {
      await undoVendorStatus(
        tx,
        companyId,
        undoId,
        batchId,
        action === "vendors.inactivate" ? "ACTIVE" : "INACTIVE",
        vendorIds,
      );
      // Their people only when the batch changed them (it was asked to include them).
      if (events.length) {
        await flipStatusBack(
          tx,
          companyId,
          undoId,
          batchId,
          action === "vendors.inactivate" ? "ACTIVE" : "INACTIVE",
          events,
        );
      }
    } else if (action === "project.remove_contacts") {
      await restoreMemberships(tx, companyId, undoId, batchId, batch.projectId!, events);
    } else if (action === "contacts.import") {
      await undoImport(tx, companyId, undoId, batchId);
    } else if (action === "contacts.merge") {
      const merged = events.find((e) => e.action === "contact.merged");
      if (!merged || merged.action !== "contact.merged") throw conflict("That merge has no record to undo it by.");
      await undoMerge(tx, companyId, undoId, batchId, merged);
    } else {
      await flipStatusBack(
        tx,
        companyId,
        undoId,
        batchId,
        action === "contacts.inactivate" ? "ACTIVE" : "INACTIVE",
        events,
      );
    }
    await tx.$executeRaw`UPDATE "ChangeBatch" SET "undoneAt" = now() WHERE "companyId" = ${companyId}::uuid AND id = ${batchId}::uuid`;
    return {
      batchId: undoId,
      undoneBatchId: batchId,
      contactIds,
      vendorIds,
      projectIds: [...new Set(events.flatMap((e) => e.projectIds))].sort(),
    };
  });
}

async function batchEvents(tx: Tx, companyId: string, batchId: string): Promise<BatchEvent[]> {
  const rows = await tx.$queryRaw<{ contactId: string; projectIds: string[]; action: string; changes: unknown }[]>`
    SELECT "contactId"::text AS "contactId", "projectIds"::text[] AS "projectIds", action, changes FROM "ContactEvent"
    WHERE "companyId" = ${companyId}::uuid AND "batchId" = ${batchId}::uuid ORDER BY "contactId"`;
  return rows.map(({ action, changes, ...row }) => ({ ...row, ...historyEventSchema.parse({ action, changes }) }));
}

/**
 * Takes back an inactivation (to ACTIVE) or a reactivation (to INACTIVE): the contacts,
 * and exactly the memberships the batch flipped — those its events name.
 */
async function flipStatusBack(
  tx: Tx,
  companyId: string,
  undoId: string,
  batchId: string,
  to: DirectoryStatus,
  events: BatchEvent[],
) {
  const from: DirectoryStatus = to === "ACTIVE" ? "INACTIVE" : "ACTIVE";
  await flipContactStatus(tx, {
    companyId,
    contactIds: events.map((e) => e.contactId),
    to,
    memberships: events.flatMap((e) => e.projectIds.map((projectId) => ({ contactId: e.contactId, projectId }))),
    batchId: undoId,
    event: { action: "batch.undone", changes: { undoes: batchId, status: { from, to } } },
  });
}

/** Takes back a removal: each membership returns to its previous status, and to the crews it left. */
async function restoreMemberships(
  tx: Tx,
  companyId: string,
  undoId: string,
  batchId: string,
  projectId: string,
  events: BatchEvent[],
) {
  const removals = events.flatMap((e) => (e.action === "contact.removed_from_project" ? [e] : []));
  const rows = JSON.stringify(removals.map((e) => ({ contactId: e.contactId, status: e.changes.membership.from })));
  await tx.$executeRaw`
    UPDATE "ProjectContact" pc SET status = m.status::"MembershipStatus", "removedAt" = NULL, "updatedAt" = now()
    FROM jsonb_to_recordset(${rows}::jsonb) AS m("contactId" uuid, status text)
    WHERE pc."companyId" = ${companyId}::uuid AND pc."projectId" = ${projectId}::uuid AND pc."contactId" = m."contactId"
      AND pc.status = 'REMOVED'`;
  const crews = JSON.stringify(
    removals.flatMap((e) => e.changes.crewIds.map((crewId) => ({ contactId: e.contactId, crewId }))),
  );
  // A crew deleted since is gone; the others get their workers back.
  await tx.$executeRaw`
    INSERT INTO "CrewMember" ("companyId", "crewId", "contactId")
    SELECT ${companyId}::uuid, m."crewId", m."contactId"
    FROM jsonb_to_recordset(${crews}::jsonb) AS m("contactId" uuid, "crewId" uuid)
    JOIN "Crew" c ON c."companyId" = ${companyId}::uuid AND c.id = m."crewId"
    ON CONFLICT ("companyId", "crewId", "contactId") DO NOTHING`;
  await recordEvents(
    tx,
    companyId,
    undoId,
    "batch.undone",
    removals.map((e): { contactId: string; projectIds: string[]; changes: HistoryChanges<"batch.undone"> } => ({
      contactId: e.contactId,
      projectIds: e.projectIds,
      changes: {
        undoes: batchId,
        membership: { from: "REMOVED", to: e.changes.membership.from },
        crewIds: e.changes.crewIds,
      },
    })),
  );
}

/** Undo as a user asks for it, from the toast or the API: once per key, recorded with the actor. */
export async function undoBatchOnce(
  prisma: PrismaClient,
  {
    companyId,
    batchId,
    actor,
    idempotencyKey,
  }: { companyId: string; batchId: string; actor: Pick<Actor, "userId" | "name">; idempotencyKey?: string | null },
): Promise<UndoResult> {
  const { result } = await withIdempotency(
    prisma,
    { companyId, userId: actor.userId, key: idempotencyKey, request: ["undo", batchId] },
    (db) => undoBatch(db, { companyId, batchId, by: changedBy(actor) }),
  );
  return result;
}

function listNames(names: string[]): string {
  const shown = names.slice(0, 5);
  const more = names.length - shown.length;
  return more > 0
    ? `${shown.join(", ")} and ${more} more`
    : shown.length > 1
      ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`
      : shown[0]!;
}
