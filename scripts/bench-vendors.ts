// The companies case of `npm run bench`: a bulk inactivation of n companies with their
// people (includeContacts: each company's active contacts through the contact lifecycle,
// their project memberships with them), made by the app against the floor — the same change
// by the fewest statements, history included, in one transaction, run directly.
import type { Database } from "@/server/db/open-database";
import type { SqlDatabase } from "@/server/db/sql";
import { changeVendorStatus } from "@/server/vendors/change-vendor-status";

export type VendorBench = { name: string; appMs: number; floorMs: number; ratio: number };

/** A company of its own: n companies with m people each, every person on one of 20 projects. Reused when present. */
async function seed(sql: SqlDatabase, n: number, m: number) {
  const name = `Benchmark companies ${n}x${m}`;
  return sql.transaction(async (tx) => {
    let [company] = await tx.query<{ id: string }>(`SELECT id FROM "Company" WHERE name = $1`, [name]);
    if (!company) {
      [company] = await tx.query<{ id: string }>(`INSERT INTO "Company" (name) VALUES ($1) RETURNING id`, [name]);
      const id = company!.id;
      await tx.query(
        `INSERT INTO "Project" ("companyId", name, number) SELECT $1, 'Bench site ' || g, 'S-' || g FROM generate_series(1, 20) g`,
        [id],
      );
      await tx.query(
        `INSERT INTO "Vendor" ("companyId", name) SELECT $1, 'Bench Sub ' || g FROM generate_series(1, $2::int) g`,
        [id, n],
      );
      await tx.query(
        `INSERT INTO "Contact" ("companyId", "firstName", "lastName", "vendorId")
         SELECT v."companyId", 'Bench', 'Worker ' || g, v.id FROM "Vendor" v CROSS JOIN generate_series(1, $2::int) g
         WHERE v."companyId" = $1`,
        [id, m],
      );
      await tx.query(
        `INSERT INTO "ProjectContact" ("companyId", "projectId", "contactId")
         SELECT c."companyId", p.id, c.id FROM "Contact" c
         CROSS JOIN LATERAL (SELECT id FROM "Project" WHERE "companyId" = c."companyId" ORDER BY md5(c.id::text || id::text) LIMIT 1) p
         WHERE c."companyId" = $1`,
        [id],
      );
    }
    const vendors = await tx.query<{ id: string }>(
      `SELECT id::text AS id FROM "Vendor" WHERE "companyId" = $1 ORDER BY id`,
      [company!.id],
    );
    return { companyId: company!.id, vendorIds: vendors.map((v) => v.id) };
  });
}

/** Everyone active again, before each run. */
async function reactivateAll(sql: SqlDatabase, companyId: string) {
  await sql.transaction(async (tx) => {
    await tx.query(`UPDATE "Vendor" SET status = 'ACTIVE', "inactivatedAt" = NULL WHERE "companyId" = $1`, [companyId]);
    await tx.query(`UPDATE "Contact" SET status = 'ACTIVE', "inactivatedAt" = NULL WHERE "companyId" = $1`, [
      companyId,
    ]);
    await tx.query(`UPDATE "ProjectContact" SET status = 'ACTIVE' WHERE "companyId" = $1 AND status = 'INACTIVE'`, [
      companyId,
    ]);
  });
  await sql.exec(`VACUUM ANALYZE "Vendor"`);
  await sql.exec(`VACUUM ANALYZE "Contact"`);
  await sql.exec(`VACUUM ANALYZE "ProjectContact"`);
}

/**
 * The floor: the batch, the companies with their events, the memberships with the
 * contacts' events, then the contacts — four statements, no locks read back, no checks.
 */
async function floor(sql: SqlDatabase, companyId: string, vendorIds: string[]) {
  await sql.transaction(async (tx) => {
    const [batch] = await tx.query<{ id: string }>(
      `INSERT INTO "ChangeBatch" ("companyId", action, "actorName") VALUES ($1, 'vendors.inactivate', 'Benchmark floor') RETURNING id`,
      [companyId],
    );
    await tx.query(
      `WITH changed AS (
         UPDATE "Vendor" SET status = 'INACTIVE', "inactivatedAt" = now(), "updatedAt" = now()
         WHERE "companyId" = $1 AND id = ANY($2::uuid[]) AND status = 'ACTIVE' RETURNING id
       )
       INSERT INTO "VendorEvent" ("companyId", "vendorId", "batchId", action, changes)
       SELECT $1, id, $3, 'vendor.inactivated', '{"status":{"from":"ACTIVE","to":"INACTIVE"}}'::jsonb FROM changed`,
      [companyId, vendorIds, batch!.id],
    );
    await tx.query(
      `WITH people AS (
         SELECT id FROM "Contact" WHERE "companyId" = $1 AND "vendorId" = ANY($2::uuid[]) AND status = 'ACTIVE'
       ), changed AS (
         UPDATE "ProjectContact" pc SET status = 'INACTIVE', "updatedAt" = now() FROM people
         WHERE pc."companyId" = $1 AND pc."contactId" = people.id AND pc.status = 'ACTIVE'
         RETURNING pc."contactId", pc."projectId"
       ), per_contact AS (
         SELECT "contactId", array_agg("projectId" ORDER BY "projectId") AS "projectIds" FROM changed GROUP BY "contactId"
       )
       INSERT INTO "ContactEvent" ("companyId", "contactId", "batchId", action, "projectIds", changes)
       SELECT $1, people.id, $3, 'contact.inactivated', coalesce(p."projectIds", '{}'),
              '{"status":{"from":"ACTIVE","to":"INACTIVE"}}'::jsonb
       FROM people LEFT JOIN per_contact p ON p."contactId" = people.id`,
      [companyId, vendorIds, batch!.id],
    );
    await tx.query(
      `UPDATE "Contact" SET status = 'INACTIVE', "inactivatedAt" = now(), "updatedAt" = now()
       WHERE "companyId" = $1 AND "vendorId" = ANY($2::uuid[]) AND status = 'ACTIVE'`,
      [companyId, vendorIds],
    );
  });
}

export async function benchVendors(
  db: Database,
  n: number,
  m: number,
  sideBySide: (
    app: () => Promise<unknown>,
    floor: () => Promise<unknown>,
    reset?: () => Promise<void>,
  ) => Promise<{
    app: number[];
    floor: number[];
  }>,
  summary: (app: number[], floor: number[]) => Omit<VendorBench, "name">,
): Promise<VendorBench> {
  const { companyId, vendorIds } = await seed(db.sql, n, m);
  const { app, floor: floorTimes } = await sideBySide(
    async () => {
      const r = await changeVendorStatus(db.prisma, { companyId, vendorIds, to: "INACTIVE", includeContacts: true });
      if (r.changed.length !== n || r.contactsChanged.length !== n * m)
        throw new Error(`inactivated ${r.changed.length} companies and ${r.contactsChanged.length} contacts`);
    },
    () => floor(db.sql, companyId, vendorIds),
    () => reactivateAll(db.sql, companyId),
  );
  return { name: `bulk_inactivate_${n}_companies_with_${n * m}_contacts`, ...summary(app, floorTimes) };
}
