import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { fieldChanges, type FieldValue } from "@/server/contacts/field-changes";
import { lockContacts } from "@/server/contacts/lock-contacts";
import { inTransaction, type Db } from "@/server/db/transaction";
import { conflict, notFound } from "@/server/errors";
import { changedBy, SYSTEM, type ChangedBy } from "@/server/history/changed-by";
import { openBatch } from "@/server/history/open-batch";
import { withIdempotency } from "@/server/idempotency/with-idempotency";
import type { Actor } from "@/server/permissions/actor";
import type { UpdateVendorInput } from "@/shared/vendor-fields";
import { lockVendors } from "./lock-vendors";
import { recordVendorEvents } from "./record-vendor-events";
import { isNameTaken, nameTakenError } from "./vendor-name-taken";

export type MergeVendorsOptions = {
  companyId: string;
  /** The company kept: it takes the others' contacts, and the field values chosen. */
  keepId: string;
  /** The companies merged into it: kept for their history, marked merged, gone from every tab and picker. */
  mergeIds: string[];
  fields?: Partial<UpdateVendorInput>;
  by?: ChangedBy;
};

export type MergeResult = {
  batchId: string;
  keepId: string;
  mergedIds: string[];
  /** The contacts that now work for the kept company, in id order. */
  contactIds: string[];
};

/**
 * Merges companies into one, in one transaction: their contacts (every status) move to the
 * kept company, each with a contact event; the merged-away companies become MERGED (their
 * name no longer blocks one, so the kept company may take it); the kept one takes the
 * chosen field values. All recorded in one batch, which Undo takes back exactly.
 */
export async function mergeVendors(
  db: Db,
  { companyId, keepId, mergeIds, fields = {}, by = SYSTEM }: MergeVendorsOptions,
): Promise<MergeResult> {
  try {
    return await inTransaction(db, async (tx) => {
      const all = [keepId, ...mergeIds.filter((id) => id !== keepId)];
      const found = await lockVendors(tx, companyId, all);
      const missing = all.filter((id) => !found.some((v) => v.id === id));
      if (missing.length) throw notFound("Some of these companies are not in this directory.", { vendorIds: missing });
      const merged = found.filter((v) => v.status === "MERGED");
      if (merged.length) {
        throw conflict(
          `${merged.map((v) => `"${v.name}"`).join(", ")} ${merged.length === 1 ? "was" : "were"} merged already.`,
          {
            vendorIds: merged.map((v) => v.id),
          },
        );
      }
      const awayIds = all.slice(1);
      const batchId = await openBatch(tx, companyId, "vendors.merge", by);

      // Their contacts first locked (companies before contacts), then moved, each with its event.
      const people = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text AS id FROM "Contact"
        WHERE "companyId" = ${companyId}::uuid AND "vendorId" = ANY(${awayIds}::uuid[]) ORDER BY id`;
      await lockContacts(
        tx,
        companyId,
        people.map((p) => p.id),
      );
      const moved = await tx.$queryRaw<{ id: string }[]>`
        WITH before AS (
          SELECT id, "vendorId" FROM "Contact"
          WHERE "companyId" = ${companyId}::uuid AND "vendorId" = ANY(${awayIds}::uuid[])
        ), moved AS (
          UPDATE "Contact" c SET "vendorId" = ${keepId}::uuid, "updatedAt" = now()
          FROM before b WHERE c."companyId" = ${companyId}::uuid AND c.id = b.id
          RETURNING c.id, b."vendorId" AS "from"
        ), events AS (
          INSERT INTO "ContactEvent" ("companyId", "contactId", "batchId", action, "projectIds", changes)
          SELECT ${companyId}::uuid, id, ${batchId}::uuid, 'contact.updated', '{}',
                 jsonb_build_object('vendorId', jsonb_build_object('from', "from"::text, 'to', ${keepId}::text))
          FROM moved
        )
        SELECT id::text AS id FROM moved ORDER BY id`;

      // The merged-away companies, remembering what undo puts back.
      await tx.$executeRaw`
        WITH before AS (
          SELECT id, status, "inactivatedAt" FROM "Vendor"
          WHERE "companyId" = ${companyId}::uuid AND id = ANY(${awayIds}::uuid[])
        ), merged AS (
          UPDATE "Vendor" v SET status = 'MERGED', "mergedIntoId" = ${keepId}::uuid,
            "inactivatedAt" = coalesce(v."inactivatedAt", now()), "updatedAt" = now()
          FROM before b WHERE v."companyId" = ${companyId}::uuid AND v.id = b.id
          RETURNING v.id, b.status, b."inactivatedAt"
        )
        INSERT INTO "VendorEvent" ("companyId", "vendorId", "batchId", action, changes)
        SELECT ${companyId}::uuid, id, ${batchId}::uuid, 'vendor.merged',
               jsonb_build_object('into', ${keepId}::text, 'status', jsonb_build_object('from', status::text, 'to', 'MERGED'),
                 'inactivatedAt', to_char("inactivatedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        FROM merged`;

      // The kept company takes the chosen values.
      const [before] = await tx.$queryRaw<Record<string, FieldValue>[]>`
        SELECT name, kind::text AS kind, trade, phone, email, website, address, "licenseNumber", notes
        FROM "Vendor" WHERE "companyId" = ${companyId}::uuid AND id = ${keepId}::uuid`;
      const changes = fieldChanges(before!, fields);
      if (Object.keys(changes).length) {
        await tx.vendor.update({ where: { companyId_id: { companyId, id: keepId } }, data: fields });
      }
      await recordVendorEvents(tx, companyId, batchId, "vendor.merged_into", [
        { vendorId: keepId, changes: { merged: awayIds, fields: changes } },
      ]);
      return { batchId, keepId, mergedIds: awayIds, contactIds: moved.map((m) => m.id) };
    });
  } catch (error) {
    if (isNameTaken(error) && fields.name) throw await nameTakenError(db, companyId, fields.name);
    throw error;
  }
}

/** Merge as a user asks for it, from the dialog or the API: once per key, recorded with the actor and reason. */
export async function mergeVendorsOnce(
  prisma: PrismaClient,
  {
    actor,
    reason,
    idempotencyKey,
    ...options
  }: Omit<MergeVendorsOptions, "by"> & {
    actor: Pick<Actor, "userId" | "name">;
    reason?: string | null;
    idempotencyKey?: string | null;
  },
): Promise<MergeResult> {
  const { result } = await withIdempotency(
    prisma,
    {
      companyId: options.companyId,
      userId: actor.userId,
      key: idempotencyKey,
      request: ["merge", options, reason ?? null],
    },
    (db) => mergeVendors(db, { ...options, by: changedBy(actor, reason) }),
  );
  return result;
}
