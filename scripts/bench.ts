// Measures the bulk lifecycle operations against the raw-SQL floor: the same change made
// by the minimal statements in one transaction, run directly on the same rows, side by
// side in one run. Usage: npm run bench [-- --contacts 1000 --runs 7 --json]
import { parseArgs } from "node:util";
import { reactivateContacts } from "@/server/contacts/reactivate-contacts";
import { migrate } from "@/server/db/migrate";
import type { SqlDatabase } from "@/server/db/sql";
import { openScriptDatabase } from "./open-script-database";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string", default: "1000" },
    memberships: { type: "string", default: "5" },
    runs: { type: "string", default: "7" },
    json: { type: "boolean", default: false },
  },
});
const contacts = Number(args.contacts);
const perContact = Number(args.memberships);
const runs = Number(args.runs);

const { db, where } = openScriptDatabase();
try {
  await migrate(db.sql);
  const { companyId, ids } = await seedBenchCompany(db.sql, contacts, perContact);

  const app: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, so neither always meets a warmer cache.
    const order = run % 2 === 0 ? ["app", "floor"] : ["floor", "app"];
    for (const which of order) {
      await inactivateAll(db.sql, companyId);
      const start = performance.now();
      if (which === "app") {
        const result = await reactivateContacts(db.prisma, { companyId, contactIds: ids });
        if (result.changed.length !== contacts) throw new Error(`reactivated ${result.changed.length}, expected ${contacts}`);
      } else {
        await reactivateFloor(db.sql, companyId, ids);
      }
      (which === "app" ? app : floor).push(performance.now() - start);
    }
  }
  const appMs = median(app);
  const floorMs = median(floor);
  const result = {
    database: db.kind,
    contacts,
    memberships: contacts * perContact,
    cases: [{ name: `bulk_reactivate_${contacts}`, appMs: round(appMs), floorMs: round(floorMs), ratio: round(appMs / floorMs) }],
  };
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(`Database: ${db.kind} (${where}); ${contacts} contacts x ${perContact} memberships; median of ${runs} runs`);
    console.table(result.cases);
  }
} finally {
  await db.close();
}

/** A company of its own for the benchmark, built with set-based inserts; reused when present. */
async function seedBenchCompany(sql: SqlDatabase, n: number, m: number) {
  const name = `Benchmark ${n}x${m}`;
  return sql.transaction(async (tx) => {
    let [company] = await tx.query<{ id: string }>(`SELECT id FROM "Company" WHERE name = $1`, [name]);
    if (!company) {
      [company] = await tx.query<{ id: string }>(`INSERT INTO "Company" (name) VALUES ($1) RETURNING id`, [name]);
      await tx.query(
        `INSERT INTO "Project" ("companyId", name, number)
         SELECT $1, 'Bench project ' || g, 'B-' || g FROM generate_series(1, $2::int * 2) g`,
        [company!.id, m],
      );
      await tx.query(
        `INSERT INTO "Contact" ("companyId", "firstName", "lastName")
         SELECT $1, 'Bench', 'Contact ' || g FROM generate_series(1, $2::int) g`,
        [company!.id, n],
      );
      await tx.query(
        `INSERT INTO "ProjectContact" ("companyId", "projectId", "contactId")
         SELECT c."companyId", p.id, c.id
         FROM "Contact" c
         CROSS JOIN LATERAL (
           SELECT id FROM "Project" WHERE "companyId" = c."companyId" ORDER BY md5(c.id::text || id::text) LIMIT $2::int
         ) p
         WHERE c."companyId" = $1`,
        [company!.id, m],
      );
    }
    const rows = await tx.query<{ id: string }>(`SELECT id::text AS id FROM "Contact" WHERE "companyId" = $1 ORDER BY id`, [company!.id]);
    return { companyId: company!.id, ids: rows.map((r) => r.id) };
  });
}

async function inactivateAll(sql: SqlDatabase, companyId: string) {
  await sql.transaction(async (tx) => {
    await tx.query(`UPDATE "ProjectContact" SET status = 'INACTIVE' WHERE "companyId" = $1 AND status = 'ACTIVE'`, [companyId]);
    await tx.query(
      `UPDATE "Contact" SET status = 'INACTIVE', "inactivatedAt" = now() WHERE "companyId" = $1 AND status = 'ACTIVE'`,
      [companyId],
    );
  });
  await sql.exec(`VACUUM ANALYZE "Contact"`);
  await sql.exec(`VACUUM ANALYZE "ProjectContact"`);
}

/** The floor: the two UPDATE statements that make the same change, in one transaction. */
async function reactivateFloor(sql: SqlDatabase, companyId: string, ids: string[]) {
  await sql.transaction(async (tx) => {
    await tx.query(
      `UPDATE "Contact" SET status = 'ACTIVE', "inactivatedAt" = NULL, "updatedAt" = now()
       WHERE "companyId" = $1 AND id = ANY($2::uuid[]) AND status = 'INACTIVE'`,
      [companyId, ids],
    );
    await tx.query(
      `UPDATE "ProjectContact" SET status = 'ACTIVE', "updatedAt" = now()
       WHERE "companyId" = $1 AND "contactId" = ANY($2::uuid[]) AND status = 'INACTIVE'`,
      [companyId, ids],
    );
  });
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function round(x: number) {
  return Math.round(x * 100) / 100;
}
