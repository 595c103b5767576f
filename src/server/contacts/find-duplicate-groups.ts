import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/transaction";
import { MAX_MERGE_CONTACTS } from "@/shared/contact-merge";
import { DUPLICATE_REASONS, SIMILAR_NAME_THRESHOLD, type DuplicateReason } from "@/shared/duplicate-reasons";
import { contactSelect } from "./contact-select";

export type DuplicateGroupRow = { id: string; contactIds: string[]; reasons: DuplicateReason[] };

export type FindDuplicateGroupsOptions = {
  companyId: string;
  /** Only groups found for this reason. */
  reason?: DuplicateReason | null;
  page: number;
  perPage: number;
  /** Only this group (to dismiss it): found if it is a group now. */
  groupId?: string;
};

/** Near names are looked for among at most this many contacts of one company sharing a first or last name. */
const MAX_SIMILAR_BLOCK = 50;

/** A phone shorter than this (an extension, a typo) says nothing about who someone is. */
const MIN_PHONE_DIGITS = 7;

/**
 * The grouping, as one set-based statement over the company's active and inactive
 * contacts, on the generated keys (firstNameKey, lastNameKey, emailKey, phoneKey,
 * employeeIdKey) and their indexes: contacts sharing an employee ID, an email or a phone
 * make a group; so do contacts with the same folded first and last name whose company is
 * the same or none; a pair with near-identical names (pg_trgm similarity, one name part
 * equal) at the same company makes a group of two (near names sharing an email or phone
 * are already in that group). A key shared by more
 * contacts than one merge takes (an office's main line) makes no group. Groups with the
 * same contacts are one group with all their reasons; its id is a hash of the sorted ids
 * (rollcall_group_id: MD5 shaped as a version-8 UUID), so it is stable. Dismissed groups are left out unless one of their contacts changed
 * since. Strongest reason first, then most reasons, then id.
 */
export function duplicateGroupsSql({
  companyId,
  reason = null,
  page,
  perPage,
  groupId,
}: FindDuplicateGroupsOptions): Prisma.Sql {
  const max = MAX_MERGE_CONTACTS;
  const reasons = Prisma.sql`${[...DUPLICATE_REASONS]}::text[]`;
  const listed = Prisma.sql`"companyId" = ${companyId}::uuid AND status IN ('ACTIVE', 'INACTIVE')`;
  const similar = Prisma.sql`
    similarity(a."firstNameKey" || ' ' || a."lastNameKey", b."firstNameKey" || ' ' || b."lastNameKey") >= ${SIMILAR_NAME_THRESHOLD}`;
  // Each reason reads its key from its own partial index ("Contact_listed_*_idx": the key, then
  // the id) in key order and counts each key's contacts in that stream (a window, no sort);
  // only the keys that make a group are then aggregated, their ids sorted.
  const keyGroups = (reason: DuplicateReason, key: Prisma.Sql, where: Prisma.Sql) => Prisma.sql`
      SELECT ${reason}::text AS reason, array_agg(id ORDER BY id) AS ids FROM (
        SELECT id, ${key} AS k, count(*) OVER (PARTITION BY ${key}) AS n FROM "Contact" WHERE ${listed} AND ${where}
      ) w WHERE n BETWEEN 2 AND ${max} GROUP BY k`;
  return Prisma.sql`
    WITH by_last AS MATERIALIZED (
      SELECT * FROM (
        SELECT id, "vendorId", "lastNameKey", "firstNameKey", count(*) OVER (PARTITION BY "vendorId", "lastNameKey") AS n
        FROM "Contact" WHERE ${listed} AND "vendorId" IS NOT NULL
      ) w WHERE n BETWEEN 2 AND ${MAX_SIMILAR_BLOCK}
    ), by_first AS MATERIALIZED (
      SELECT * FROM (
        SELECT id, "vendorId", "lastNameKey", "firstNameKey", count(*) OVER (PARTITION BY "vendorId", "firstNameKey") AS n
        FROM "Contact" WHERE ${listed} AND "vendorId" IS NOT NULL
      ) w WHERE n BETWEEN 2 AND ${MAX_SIMILAR_BLOCK}
    ), keyed AS (
      ${keyGroups("same_employee_id", Prisma.sql`"employeeIdKey"`, Prisma.sql`"employeeIdKey" IS NOT NULL`)}
      UNION ALL
      ${keyGroups("same_email", Prisma.sql`"emailKey"`, Prisma.sql`"emailKey" IS NOT NULL`)}
      UNION ALL
      ${keyGroups("same_phone", Prisma.sql`"phoneKey"`, Prisma.sql`"phoneKey" IS NOT NULL AND length("phoneKey") >= ${MIN_PHONE_DIGITS}`)}
      UNION ALL
      SELECT 'same_name', array_agg(id ORDER BY id) FROM (
        SELECT id, "lastNameKey", "firstNameKey", "vendorId", count(*) OVER (PARTITION BY "lastNameKey", "firstNameKey") AS n
        FROM "Contact" WHERE ${listed} AND "firstNameKey" <> '' AND "lastNameKey" <> ''
      ) w WHERE n BETWEEN 2 AND ${max}
      GROUP BY "lastNameKey", "firstNameKey" HAVING count(DISTINCT "vendorId") <= 1
      UNION ALL
      -- Near-identical names at one company: one name part equal, the other close, within blocks of few
      -- contacts (MAX_SIMILAR_BLOCK) of one company sharing that name part, which keeps the join small. Near
      -- names sharing an email or phone are already a group of that stronger reason.
      SELECT 'similar_name', ARRAY[a.id, b.id] FROM by_last a
      JOIN by_last b ON a."vendorId" = b."vendorId" AND a."lastNameKey" = b."lastNameKey" AND a.id < b.id
      WHERE a."firstNameKey" <> b."firstNameKey" AND ${similar}
      UNION ALL
      SELECT 'similar_name', ARRAY[a.id, b.id] FROM by_first a
      JOIN by_first b ON a."vendorId" = b."vendorId" AND a."firstNameKey" = b."firstNameKey" AND a.id < b.id
      WHERE a."lastNameKey" <> b."lastNameKey" AND ${similar}
    ), grouped AS (
      -- The reasons of a set of contacts as bits (reason i is bit i - 1): an integer per group,
      -- where an array per group would make the hash table of 10,000 groups spill to disk.
      SELECT rollcall_group_id(ids) AS id, ids, bit_or(1 << (array_position(${reasons}, reason) - 1)) AS mask,
             min(array_position(${reasons}, reason)) AS strength
      FROM keyed GROUP BY ids
    ), shown AS (
      SELECT g.* FROM grouped g
      LEFT JOIN "ContactDuplicateDismissal" d ON d."companyId" = ${companyId}::uuid AND d.id = g.id
      WHERE (d.id IS NULL OR EXISTS (
              SELECT 1 FROM "Contact" x
              WHERE x."companyId" = ${companyId}::uuid AND x.id = ANY(g.ids) AND x."updatedAt" > d."dismissedAt"))
        AND (${reason}::text IS NULL OR g.mask & (1 << (array_position(${reasons}, ${reason}::text) - 1)) <> 0)
        AND (${groupId ?? null}::uuid IS NULL OR g.id = ${groupId ?? null}::uuid)
    ), page AS (
      SELECT id, ids, mask, strength, bit_count(mask::bit(${Prisma.raw(String(DUPLICATE_REASONS.length))})) AS found,
             count(*) OVER ()::int AS total
      FROM shown ORDER BY strength, found DESC, id
      LIMIT ${perPage} OFFSET ${(page - 1) * perPage}
    )
    SELECT id::text AS id, ids::text[] AS "contactIds", total,
           ARRAY(SELECT r FROM unnest(${reasons}) WITH ORDINALITY AS t(r, i) WHERE mask & (1 << (i::int - 1)) <> 0) AS reasons
    FROM page ORDER BY strength, found DESC, id`;
}

/** One page of groups (ids and reasons), and how many there are. */
export async function findDuplicateGroupRows(
  db: Db,
  options: FindDuplicateGroupsOptions,
): Promise<{ groups: DuplicateGroupRow[]; total: number }> {
  const rows = await db.$queryRaw<(DuplicateGroupRow & { total: number })[]>(duplicateGroupsSql(options));
  return {
    groups: rows.map(({ id, contactIds, reasons }) => ({
      id,
      contactIds,
      reasons: [...reasons].sort((a, b) => DUPLICATE_REASONS.indexOf(a) - DUPLICATE_REASONS.indexOf(b)),
    })),
    total: rows[0]?.total ?? (options.page > 1 ? await countDuplicateGroups(db, options) : 0),
  };
}

/** How many groups there are (the Contacts tab's link, a page past the last). */
export async function countDuplicateGroups(
  db: Db,
  options: Pick<FindDuplicateGroupsOptions, "companyId" | "reason">,
): Promise<number> {
  const [row] = await db.$queryRaw<{ total: number }[]>(duplicateGroupsSql({ ...options, page: 1, perPage: 1 }));
  return row?.total ?? 0;
}

export const duplicateContactSelect = {
  ...contactSelect,
  memberships: {
    where: { status: { in: ["ACTIVE", "INACTIVE"] } },
    select: { status: true, project: { select: { id: true, name: true } } },
    orderBy: { project: { name: "asc" } },
  },
} satisfies Prisma.ContactSelect;
export type DuplicateContact = Prisma.ContactGetPayload<{ select: typeof duplicateContactSelect }> & {
  /** What a merge would move: the contact's crew spots and history events. */
  _count: { crewSpots: number; events: number };
};

/**
 * The contacts' crew spots and history events, counted for these contacts only. (Prisma's
 * `_count` relation select would aggregate the whole CrewMember and ContactEvent tables,
 * every company's, before joining: slow at scale, and not routable to one company's shard.)
 */
async function withCounts(
  db: Db,
  companyId: string,
  contacts: Prisma.ContactGetPayload<{ select: typeof duplicateContactSelect }>[],
): Promise<DuplicateContact[]> {
  const ids = contacts.map((c) => c.id);
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string; crewSpots: number; events: number }[]>`
    SELECT c.id::text AS id,
           (SELECT count(*)::int FROM "CrewMember" m WHERE m."companyId" = c."companyId" AND m."contactId" = c.id) AS "crewSpots",
           (SELECT count(*)::int FROM "ContactEvent" e WHERE e."companyId" = c."companyId" AND e."contactId" = c.id) AS events
      FROM "Contact" c
     WHERE c."companyId" = ${companyId}::uuid AND c.id = ANY(${ids}::uuid[])`;
  const counts = new Map(rows.map((r) => [r.id, { crewSpots: r.crewSpots, events: r.events }]));
  return contacts.map((c) => ({ ...c, _count: counts.get(c.id) ?? { crewSpots: 0, events: 0 } }));
}
export type DuplicateGroup = { id: string; reasons: DuplicateReason[]; contacts: DuplicateContact[] };

/** One page of groups with their contacts side by side (fields, status, projects), oldest contact first. */
export async function findDuplicateGroups(
  db: Db,
  options: FindDuplicateGroupsOptions,
): Promise<{ groups: DuplicateGroup[]; total: number }> {
  const { groups, total } = await findDuplicateGroupRows(db, options);
  const contacts = await withCounts(
    db,
    options.companyId,
    await db.contact.findMany({
      where: { companyId: options.companyId, id: { in: groups.flatMap((g) => g.contactIds) } },
      select: duplicateContactSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  );
  return {
    groups: groups.map((g) => ({
      id: g.id,
      reasons: g.reasons,
      contacts: contacts.filter((c) => g.contactIds.includes(c.id)),
    })),
    total,
  };
}

/** Contacts of this company to merge, active or inactive, oldest first: what Merge Contacts shows. */
export async function getMergeCandidates(
  db: Db,
  { companyId, contactIds }: { companyId: string; contactIds: string[] },
): Promise<DuplicateContact[]> {
  return withCounts(
    db,
    companyId,
    await db.contact.findMany({
      where: { companyId, id: { in: contactIds }, status: { in: ["ACTIVE", "INACTIVE"] } },
      select: duplicateContactSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  );
}

/**
 * "Not duplicates": the group stays out of the list until one of its contacts changes.
 * Returns false when there is no such group now (already merged, changed, or never one).
 */
export async function dismissDuplicateGroup(
  db: Db,
  { companyId, groupId, userId }: { companyId: string; groupId: string; userId: string | null },
): Promise<boolean> {
  const { groups } = await findDuplicateGroupRows(db, { companyId, groupId, page: 1, perPage: 1 });
  const group = groups[0];
  if (!group) return false;
  await db.$executeRaw`
    INSERT INTO "ContactDuplicateDismissal" ("companyId", id, "contactIds", "dismissedById")
    VALUES (${companyId}::uuid, ${group.id}::uuid, ${group.contactIds}::uuid[], ${userId}::uuid)
    ON CONFLICT ("companyId", id) DO UPDATE
      SET "contactIds" = EXCLUDED."contactIds", "dismissedById" = EXCLUDED."dismissedById", "dismissedAt" = clock_timestamp()`;
  return true;
}
