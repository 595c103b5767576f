import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { inTransaction, type Db } from "@/server/db/transaction";
import { conflict, DomainError, notFound } from "@/server/errors";
import { changedBy, SYSTEM, type ChangedBy } from "@/server/history/changed-by";
import { openBatch, recordEvents } from "@/server/history/open-batch";
import { withIdempotency } from "@/server/idempotency/with-idempotency";
import type { Actor } from "@/server/permissions/actor";
import type { ContactField } from "@/shared/contact-fields";
import { MERGE_FIELDS, type MergeContactsInput } from "@/shared/contact-merge";
import { mergeSnapshotSchema, type HistoryChanges } from "@/shared/history-events";
import { getContact, type ContactDetail } from "./get-contact";
import { lockContacts } from "./lock-contacts";

type Tx = Prisma.TransactionClient;
type Snapshot = HistoryChanges<"contact.merged">["before"];
type FieldValue = string | boolean | null;

export type MergeContactsOptions = {
  companyId: string;
  keepId: string;
  mergeIds: string[];
  /** Per field, the contact whose value the kept contact takes. */
  fields?: Partial<Record<ContactField, string>>;
  /** The kept contact's status afterwards; its own when absent. */
  status?: "ACTIVE" | "INACTIVE";
  by?: ChangedBy;
};

export type MergeResult = { batchId: string; contact: ContactDetail };

/**
 * Merges contacts into one, in one transaction, deleting nothing: the others become
 * MERGED (pointing to the kept one) and leave every tab, list, count, search and picker;
 * the kept contact takes the chosen field values, every project directory any of them
 * was on (a removal stays a removal unless the kept contact is itself on that project),
 * and their crew spots (once per crew). What changed is recorded row by row as it was
 * before, in the kept contact's `contact.merged` event, which is what Undo puts back.
 */
export async function mergeContacts(db: Db, options: MergeContactsOptions): Promise<MergeResult> {
  const { companyId, keepId, mergeIds, fields = {}, by = SYSTEM } = options;
  const ids = [keepId, ...mergeIds];
  if (mergeIds.length === 0 || mergeIds.includes(keepId) || new Set(ids).size !== ids.length) {
    throw new DomainError("invalid", "Choose one contact to keep and one or more other contacts, each once.");
  }
  return inTransaction(db, async (tx) => {
    const locked = await lockContacts(tx, companyId, ids);
    const status = new Map(locked.map((c) => [c.id, c.status]));
    const missing = ids.filter((id) => !status.has(id) || status.get(id) === "DISCARDED");
    if (missing.length) throw notFound("Some of these contacts were not found in this company.", { ids: missing });
    const merged = ids.filter((id) => status.get(id) === "MERGED");
    if (merged.length) {
      throw conflict("Some of these contacts were already merged into another contact. Reload and choose again.", {
        ids: merged,
      });
    }
    const before = await snapshot(tx, companyId, ids);
    const rows = new Map(before.contacts.map((c) => [c.id, c]));
    const keep = rows.get(keepId)!;
    const fieldChanges: HistoryChanges<"contact.merged">["fields"] = {};
    const values: Partial<Record<ContactField, FieldValue>> = {};
    for (const field of MERGE_FIELDS) {
      const from = fields[field];
      if (!from || from === keepId) continue;
      const source = rows.get(from);
      if (!source) throw new DomainError("invalid", `The ${field} must come from one of the contacts being merged.`);
      if (source[field] === keep[field]) continue;
      values[field] = source[field];
      fieldChanges[field] = { from: keep[field], to: source[field], fromContactId: from };
    }
    const toStatus = options.status ?? keep.status;

    const batchId = await openBatch(tx, companyId, "contacts.merge", by);
    const projectIds = await moveMemberships(tx, { companyId, keepId, mergeIds, values, toStatus });
    const crewIds = await moveCrewSpots(tx, companyId, keepId, mergeIds);
    await recordEvents(tx, companyId, batchId, "contact.merged", [
      {
        contactId: keepId,
        projectIds,
        changes: {
          mergedIds: [...mergeIds].sort(),
          fields: fieldChanges,
          ...(toStatus !== keep.status ? { status: { from: keep.status, to: toStatus } } : {}),
          projectIds,
          crewIds,
          before,
        },
      },
    ]);
    await recordEvents(
      tx,
      companyId,
      batchId,
      "contact.merged_into",
      mergeIds.map((contactId) => ({
        contactId,
        projectIds: before.memberships
          .filter((m) => m.contactId === contactId && m.status !== "REMOVED")
          .map((m) => m.projectId)
          .sort(),
        changes: { mergedIntoId: keepId },
      })),
    );
    return { batchId, contact: (await getContact(tx, { companyId, contactId: keepId }))! };
  });
}

/**
 * The rows a merge changes, as they are: the contacts' changing columns, and every
 * membership and crew spot of them. Timestamps as text, which casts back exactly.
 */
async function snapshot(tx: Tx, companyId: string, ids: string[]): Promise<Snapshot> {
  const [row] = await tx.$queryRaw<{ before: unknown }[]>`
    SELECT jsonb_build_object(
      'contacts', (SELECT coalesce(jsonb_agg(jsonb_build_object(
          'id', id, 'firstName', "firstName", 'lastName', "lastName", 'email', email, 'phone', phone,
          'jobTitle', "jobTitle", 'employeeId', "employeeId", 'classification', classification,
          'isEmployee', "isEmployee", 'vendorId', "vendorId", 'status', status,
          'inactivatedAt', "inactivatedAt"::text, 'updatedAt', "updatedAt"::text) ORDER BY id), '[]')
        FROM "Contact" WHERE "companyId" = ${companyId}::uuid AND id = ANY(${ids}::uuid[])),
      'memberships', (SELECT coalesce(jsonb_agg(jsonb_build_object(
          'id', id, 'contactId', "contactId", 'projectId', "projectId", 'status', status,
          'removedAt', "removedAt"::text, 'updatedAt', "updatedAt"::text) ORDER BY id), '[]')
        FROM "ProjectContact" WHERE "companyId" = ${companyId}::uuid AND "contactId" = ANY(${ids}::uuid[])),
      'crewMembers', (SELECT coalesce(jsonb_agg(jsonb_build_object(
          'id', id, 'crewId', "crewId", 'contactId', "contactId", 'createdAt', "createdAt"::text) ORDER BY id), '[]')
        FROM "CrewMember" WHERE "companyId" = ${companyId}::uuid AND "contactId" = ANY(${ids}::uuid[]))
    ) AS before`;
  return mergeSnapshotSchema.parse(row!.before);
}

/**
 * The kept contact's fields and status, the others' MERGED, and every membership, in one
 * statement, so the lifecycle triggers see the end state: per project where any of them is
 * (not removed), the kept contact's own row, else one of the others' live rows, becomes the
 * kept contact's, in its status; every other row of theirs is REMOVED and stays theirs (a
 * removal stays a removal, in the history of whom it was).
 * Returns the project directories the kept contact joined.
 */
async function moveMemberships(
  tx: Tx,
  {
    companyId,
    keepId,
    mergeIds,
    values,
    toStatus,
  }: {
    companyId: string;
    keepId: string;
    mergeIds: string[];
    values: Partial<Record<ContactField, FieldValue>>;
    toStatus: "ACTIVE" | "INACTIVE";
  },
): Promise<string[]> {
  const ids = [keepId, ...mergeIds];
  const [result] = await tx.$queryRaw<{ joined: string[] }[]>`
    WITH g AS (
      SELECT id, "contactId", "projectId", status,
             row_number() OVER (PARTITION BY "projectId" ORDER BY ("contactId" = ${keepId}::uuid) DESC, (status <> 'REMOVED') DESC, id) AS rank,
             bool_or(status <> 'REMOVED') OVER (PARTITION BY "projectId") AS live,
             bool_or("contactId" = ${keepId}::uuid AND status <> 'REMOVED') OVER (PARTITION BY "projectId") AS kept_live
      FROM "ProjectContact"
      WHERE "companyId" = ${companyId}::uuid AND "contactId" = ANY(${ids}::uuid[])
    ), target AS (
      SELECT id, rank, kept_live,
             CASE WHEN rank = 1 AND live THEN ${keepId}::uuid ELSE "contactId" END AS "contactId",
             CASE WHEN rank = 1 AND live THEN ${toStatus}::"MembershipStatus" ELSE 'REMOVED'::"MembershipStatus" END AS status
      FROM g
    ), memberships AS (
      UPDATE "ProjectContact" pc
      SET "contactId" = t."contactId", status = t.status,
          "removedAt" = CASE WHEN t.status = 'REMOVED' THEN coalesce(pc."removedAt", now()) END,
          "updatedAt" = now()
      FROM target t
      WHERE pc."companyId" = ${companyId}::uuid AND pc.id = t.id
        AND (pc."contactId" <> t."contactId" OR pc.status <> t.status)
      RETURNING pc."projectId", t.rank, t.kept_live, t.status
    ), kept AS (
      UPDATE "Contact" c SET
        "firstName" = CASE WHEN f ? 'firstName' THEN f->>'firstName' ELSE c."firstName" END,
        "lastName" = CASE WHEN f ? 'lastName' THEN f->>'lastName' ELSE c."lastName" END,
        email = CASE WHEN f ? 'email' THEN f->>'email' ELSE c.email END,
        phone = CASE WHEN f ? 'phone' THEN f->>'phone' ELSE c.phone END,
        "jobTitle" = CASE WHEN f ? 'jobTitle' THEN f->>'jobTitle' ELSE c."jobTitle" END,
        "employeeId" = CASE WHEN f ? 'employeeId' THEN f->>'employeeId' ELSE c."employeeId" END,
        classification = CASE WHEN f ? 'classification' THEN f->>'classification' ELSE c.classification END,
        "isEmployee" = CASE WHEN f ? 'isEmployee' THEN (f->>'isEmployee')::boolean ELSE c."isEmployee" END,
        "vendorId" = CASE WHEN f ? 'vendorId' THEN (f->>'vendorId')::uuid ELSE c."vendorId" END,
        status = ${toStatus}::"ContactStatus",
        "inactivatedAt" = CASE WHEN ${toStatus} = 'INACTIVE' THEN coalesce(c."inactivatedAt", now()) END,
        "updatedAt" = now()
      FROM (SELECT ${JSON.stringify(values)}::jsonb AS f) AS v
      WHERE c."companyId" = ${companyId}::uuid AND c.id = ${keepId}::uuid
      RETURNING c.id
    ), others AS (
      UPDATE "Contact" c SET status = 'MERGED', "mergedIntoId" = ${keepId}::uuid, "inactivatedAt" = NULL, "updatedAt" = now()
      WHERE c."companyId" = ${companyId}::uuid AND c.id = ANY(${mergeIds}::uuid[])
      RETURNING c.id
    )
    SELECT coalesce(array_agg(DISTINCT "projectId"::text ORDER BY "projectId"::text)
             FILTER (WHERE rank = 1 AND NOT kept_live AND status <> 'REMOVED'), '{}') AS joined
    FROM memberships, (SELECT count(*) FROM kept) k, (SELECT count(*) FROM others) o`;
  return result?.joined ?? [];
}

/** The others' crew spots move to the kept contact, once per crew; a second spot on one crew is dropped (the snapshot keeps it). */
async function moveCrewSpots(tx: Tx, companyId: string, keepId: string, mergeIds: string[]): Promise<string[]> {
  const ids = [keepId, ...mergeIds];
  const [result] = await tx.$queryRaw<{ crewIds: string[] }[]>`
    WITH g AS (
      SELECT id, "contactId",
             row_number() OVER (PARTITION BY "crewId" ORDER BY ("contactId" = ${keepId}::uuid) DESC, id) AS rank
      FROM "CrewMember" WHERE "companyId" = ${companyId}::uuid AND "contactId" = ANY(${ids}::uuid[])
    ), moved AS (
      UPDATE "CrewMember" cm SET "contactId" = ${keepId}::uuid FROM g
      WHERE cm."companyId" = ${companyId}::uuid AND cm.id = g.id AND g.rank = 1 AND g."contactId" <> ${keepId}::uuid
      RETURNING cm."crewId"
    ), dropped AS (
      DELETE FROM "CrewMember" cm USING g
      WHERE cm."companyId" = ${companyId}::uuid AND cm.id = g.id AND g.rank > 1
      RETURNING cm."crewId"
    )
    SELECT coalesce(array_agg("crewId"::text ORDER BY "crewId"::text), '{}') AS "crewIds"
    FROM moved, (SELECT count(*) FROM dropped) d`;
  return result?.crewIds ?? [];
}

/**
 * Merge as a user asks for it, from the dialog or the API: once per key, recorded with the
 * actor and reason. A retry gets the first merge's batch, and the kept contact as it is now.
 */
export async function mergeContactsOnce(
  prisma: PrismaClient,
  {
    companyId,
    input,
    actor,
    idempotencyKey,
  }: {
    companyId: string;
    input: MergeContactsInput;
    actor: Pick<Actor, "userId" | "name">;
    idempotencyKey?: string | null;
  },
): Promise<MergeResult> {
  const { result } = await withIdempotency(
    prisma,
    { companyId, userId: actor.userId, key: idempotencyKey, request: ["merge", input] },
    async (db) => {
      const { batchId } = await mergeContacts(db, {
        companyId,
        keepId: input.keepId,
        mergeIds: input.mergeIds,
        fields: input.fields,
        ...(input.status ? { status: input.status === "active" ? "ACTIVE" : "INACTIVE" } : {}),
        by: changedBy(actor, input.reason),
      });
      return { batchId };
    },
  );
  const contact = await getContact(prisma, { companyId, contactId: input.keepId });
  return { batchId: result.batchId, contact: contact! };
}
