import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { inTransaction, type Db } from "@/server/db/transaction";
import { conflict, notFound } from "@/server/errors";
import { withIdempotency } from "@/server/idempotency/with-idempotency";
import type { Actor } from "@/server/permissions/actor";
import { changedBy, SYSTEM, type ChangedBy } from "./changed-by";
import { undoImport } from "@/server/import/undo-import";
import { openBatch, type BatchAction } from "./open-batch";

type Tx = Prisma.TransactionClient;

/** The batches Undo can take back: the bulk changes of the directory tabs. */
export const UNDOABLE: readonly BatchAction[] = ["contacts.inactivate", "contacts.reactivate", "project.remove_contacts", "contacts.import"];

export type BatchSummary = { id: string; action: BatchAction; projectId: string | null; undoneAt: Date | null };

export type UndoResult = {
  /** The undo's own record in the history. */
  batchId: string;
  undoneBatchId: string;
  /** The contacts put back, in id order. */
  contactIds: string[];
  projectIds: string[];
};

/** A batch of this company, or null: what a caller checks permission against before undoing it. */
export async function getBatch(db: Db, companyId: string, batchId: string): Promise<BatchSummary | null> {
  const batch = await db.changeBatch.findUnique({
    where: { companyId_id: { companyId, id: batchId } },
    select: { id: true, action: true, projectId: true, undoneAt: true },
  });
  return batch ? { ...batch, action: batch.action as BatchAction } : null;
}

type EventRow = { contactId: string; projectIds: string[]; changes: { status?: { from: string; to: string }; membership?: { from: string; to: string }; crewIds?: string[] } };

/**
 * Puts back exactly what a batch changed, memberships (and crews) included, in one
 * transaction, and records the undo as a batch of its own. Refuses with a conflict that
 * names the contacts — changing nothing — when any of them has changed since (any later
 * event in its history), or when the batch was already undone.
 */
export function undoBatch(db: Db, { companyId, batchId, by = SYSTEM }: { companyId: string; batchId: string; by?: ChangedBy }): Promise<UndoResult> {
  return inTransaction(db, async (tx) => {
    // Locking the batch row makes two undos of one batch queue; the second sees undoneAt.
    const [batch] = await tx.$queryRaw<{ action: BatchAction; projectId: string | null; undoneAt: Date | null }[]>`
      SELECT action, "projectId"::text AS "projectId", "undoneAt" FROM "ChangeBatch"
      WHERE "companyId" = ${companyId}::uuid AND id = ${batchId}::uuid FOR UPDATE`;
    if (!batch) throw notFound("That change was not found in this company's history.");
    if (batch.undoneAt) throw conflict("That change was already undone.");
    if (!UNDOABLE.includes(batch.action)) {
      throw conflict("Only imports, bulk inactivations, reactivations and removals from a project can be undone.");
    }
    // Contacts first, in id order, like every writer.
    const contacts = await tx.$queryRaw<{ id: string; name: string; status: string }[]>`
      SELECT c.id::text AS id, c."firstName" || ' ' || c."lastName" AS name, c.status::text AS status
      FROM "Contact" c
      WHERE c."companyId" = ${companyId}::uuid
        AND c.id IN (SELECT "contactId" FROM "ContactEvent" WHERE "companyId" = ${companyId}::uuid AND "batchId" = ${batchId}::uuid)
      ORDER BY c.id FOR UPDATE OF c`;
    const changedSince = await tx.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT e."contactId"::text AS id FROM "ContactEvent" e
      JOIN "ContactEvent" later ON later."companyId" = e."companyId" AND later."contactId" = e."contactId" AND later.seq > e.seq
      WHERE e."companyId" = ${companyId}::uuid AND e."batchId" = ${batchId}::uuid`;
    if (changedSince.length) {
      const changed = new Set(changedSince.map((c) => c.id));
      const named = contacts.filter((c) => changed.has(c.id)).map((c) => ({ id: c.id, name: c.name }));
      throw conflict(
        `Nothing was undone: ${listNames(named.map((c) => c.name))} ${named.length === 1 ? "has" : "have"} changed since. Change ${named.length === 1 ? "them" : "those contacts"} by hand instead.`,
        { contacts: named },
      );
    }
    const events = await tx.$queryRaw<EventRow[]>`
      SELECT "contactId"::text AS "contactId", "projectIds"::text[] AS "projectIds", changes FROM "ContactEvent"
      WHERE "companyId" = ${companyId}::uuid AND "batchId" = ${batchId}::uuid ORDER BY "contactId"`;
    const undoId = await openBatch(tx, companyId, "batch.undo", by, { undoesId: batchId, ...(batch.projectId ? { projectId: batch.projectId } : {}) });
    if (batch.action === "project.remove_contacts") {
      await restoreMemberships(tx, companyId, undoId, batchId, batch.projectId!, events);
    } else if (batch.action === "contacts.import") {
      await undoImport(tx, companyId, undoId, batchId);
    } else {
      await flipStatusBack(tx, companyId, undoId, batchId, batch.action === "contacts.inactivate" ? "ACTIVE" : "INACTIVE", events);
    }
    await tx.$executeRaw`UPDATE "ChangeBatch" SET "undoneAt" = now() WHERE "companyId" = ${companyId}::uuid AND id = ${batchId}::uuid`;
    return {
      batchId: undoId,
      undoneBatchId: batchId,
      contactIds: events.map((e) => e.contactId),
      projectIds: [...new Set(events.flatMap((e) => e.projectIds))].sort(),
    };
  });
}

/**
 * Takes back an inactivation (to ACTIVE) or a reactivation (to INACTIVE): the contacts,
 * and exactly the memberships the batch flipped — those its events name.
 */
async function flipStatusBack(tx: Tx, companyId: string, undoId: string, batchId: string, to: "ACTIVE" | "INACTIVE", events: EventRow[]) {
  const from = to === "ACTIVE" ? "INACTIVE" : "ACTIVE";
  const ids = events.map((e) => e.contactId);
  const memberships = JSON.stringify(events.flatMap((e) => e.projectIds.map((projectId) => ({ contactId: e.contactId, projectId }))));
  const contactsStatement = () => tx.$executeRaw`
    UPDATE "Contact" SET status = ${to}::"ContactStatus", "inactivatedAt" = CASE WHEN ${to} = 'INACTIVE' THEN now() END, "updatedAt" = now()
    WHERE "companyId" = ${companyId}::uuid AND id = ANY(${ids}::uuid[]) AND status = ${from}::"ContactStatus"`;
  const membershipsStatement = () => tx.$executeRaw`
    UPDATE "ProjectContact" pc SET status = ${to}::"MembershipStatus", "updatedAt" = now()
    FROM jsonb_to_recordset(${memberships}::jsonb) AS m("contactId" uuid, "projectId" uuid)
    WHERE pc."companyId" = ${companyId}::uuid AND pc."contactId" = m."contactId" AND pc."projectId" = m."projectId"
      AND pc.status = ${from}::"MembershipStatus"`;
  // Same order as the change itself, so the invariant holds after every statement.
  if (to === "ACTIVE") {
    await contactsStatement();
    await membershipsStatement();
  } else {
    await membershipsStatement();
    await contactsStatement();
  }
  await tx.$executeRaw`
    INSERT INTO "ContactEvent" ("companyId", "contactId", "batchId", action, "projectIds", changes)
    SELECT "companyId", "contactId", ${undoId}::uuid, 'batch.undone', "projectIds",
           jsonb_build_object('undoes', ${batchId}::text, 'status', jsonb_build_object('from', ${from}::text, 'to', ${to}::text))
    FROM "ContactEvent" WHERE "companyId" = ${companyId}::uuid AND "batchId" = ${batchId}::uuid`;
}

/** Takes back a removal: each membership returns to its previous status, and to the crews it left. */
async function restoreMemberships(tx: Tx, companyId: string, undoId: string, batchId: string, projectId: string, events: EventRow[]) {
  const rows = JSON.stringify(events.map((e) => ({ contactId: e.contactId, status: e.changes.membership?.from ?? "ACTIVE" })));
  await tx.$executeRaw`
    UPDATE "ProjectContact" pc SET status = m.status::"MembershipStatus", "removedAt" = NULL, "updatedAt" = now()
    FROM jsonb_to_recordset(${rows}::jsonb) AS m("contactId" uuid, status text)
    WHERE pc."companyId" = ${companyId}::uuid AND pc."projectId" = ${projectId}::uuid AND pc."contactId" = m."contactId"
      AND pc.status = 'REMOVED'`;
  const crews = JSON.stringify(events.flatMap((e) => (e.changes.crewIds ?? []).map((crewId) => ({ contactId: e.contactId, crewId }))));
  // A crew deleted since is gone; the others get their workers back.
  await tx.$executeRaw`
    INSERT INTO "CrewMember" ("companyId", "crewId", "contactId")
    SELECT ${companyId}::uuid, m."crewId", m."contactId"
    FROM jsonb_to_recordset(${crews}::jsonb) AS m("contactId" uuid, "crewId" uuid)
    JOIN "Crew" c ON c."companyId" = ${companyId}::uuid AND c.id = m."crewId"
    ON CONFLICT ("companyId", "crewId", "contactId") DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO "ContactEvent" ("companyId", "contactId", "batchId", action, "projectIds", changes)
    SELECT "companyId", "contactId", ${undoId}::uuid, 'batch.undone', "projectIds",
           jsonb_build_object('undoes', ${batchId}::text,
                              'membership', jsonb_build_object('from', 'REMOVED', 'to', changes->'membership'->>'from'),
                              'crewIds', changes->'crewIds')
    FROM "ContactEvent" WHERE "companyId" = ${companyId}::uuid AND "batchId" = ${batchId}::uuid`;
}

/** Undo as a user asks for it, from the toast or the API: once per key, recorded with the actor. */
export async function undoBatchOnce(
  prisma: PrismaClient,
  { companyId, batchId, actor, idempotencyKey }: { companyId: string; batchId: string; actor: Pick<Actor, "userId" | "name">; idempotencyKey?: string | null },
): Promise<UndoResult> {
  const { result } = await withIdempotency(prisma, { companyId, userId: actor.userId, key: idempotencyKey, request: ["undo", batchId] }, (db) =>
    undoBatch(db, { companyId, batchId, by: changedBy(actor) }),
  );
  return result;
}

function listNames(names: string[]): string {
  const shown = names.slice(0, 5);
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}` : shown[0]!;
}
