// Measures the bulk lifecycle operations against the raw-SQL floor: the same change made
// by the minimal statements in one transaction, run directly on the same rows, side by
// side in one run, and a naive row-by-row loop for contrast.
// Usage: npm run bench [-- --contacts 10000 --memberships 5 --runs 5 --json]
import { parseArgs } from "node:util";
import type { PrismaClient } from "@/generated/prisma/client";
import { reactivateContacts } from "@/server/contacts/reactivate-contacts";
import { migrate } from "@/server/db/migrate";
import type { SqlDatabase } from "@/server/db/sql";
import { openScriptDatabase } from "./open-script-database";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string", default: "10000" },
    memberships: { type: "string", default: "5" },
    runs: { type: "string", default: "5" },
    json: { type: "boolean", default: false },
  },
});
const contacts = Number(args.contacts);
const perContact = Number(args.memberships);
const runs = Number(args.runs);

type Case = { name: string; appMs: number; floorMs: number; ratio: number; peakRssMb?: number };

const { db, where } = openScriptDatabase();
try {
  await migrate(db.sql);
  const { companyId, ids } = await seedBenchCompany(db.sql, contacts, perContact);
  const thousand = ids.slice(0, Math.min(1000, ids.length));

  const cases: Case[] = [];
  for (const batch of [...new Set([thousand, ids])]) {
    const { app, floor, peakRssMb } = await sideBySide(
      companyId,
      async () => {
        const result = await reactivateContacts(db.prisma, { companyId, contactIds: batch });
        if (result.changed.length !== batch.length) throw new Error(`reactivated ${result.changed.length} of ${batch.length}`);
      },
      () => reactivateFloor(db.sql, companyId, batch),
    );
    cases.push({ name: `bulk_reactivate_${batch.length}`, ...summary(app, floor), ...(batch === ids ? { peakRssMb } : {}) });
  }
  // What a loop of single-row writes costs, against the same set-based floor.
  const naive = await sideBySide(companyId, () => reactivateRowByRow(db.prisma, companyId, thousand), () =>
    reactivateFloor(db.sql, companyId, thousand),
  );
  cases.push({ name: `naive_row_loop_${thousand.length}`, ...summary(naive.app, naive.floor) });

  const result = { contacts, memberships: contacts * perContact, database: db.kind, cases };
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(`Database: ${db.kind} (${where}); ${contacts} contacts x ${perContact} memberships; median of ${runs} runs`);
    console.table(cases);
  }
} finally {
  await db.close();
}

/**
 * Runs the app's operation and the floor alternately (so neither always meets a warmer
 * cache), each time from the same starting state, and samples the process's memory.
 */
async function sideBySide(companyId: string, app: () => Promise<void>, floor: () => Promise<void>) {
  const times = { app: [] as number[], floor: [] as number[] };
  // Sampled on a timer and after each run: the embedded database's WASM can hold the
  // event loop for a whole statement, so the timer alone may never fire.
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const sampler = setInterval(sample, 5);
  try {
    for (let run = 0; run < runs; run++) {
      for (const which of run % 2 === 0 ? (["app", "floor"] as const) : (["floor", "app"] as const)) {
        await inactivateAll(db.sql, companyId);
        const start = performance.now();
        await (which === "app" ? app() : floor());
        times[which].push(performance.now() - start);
        sample();
      }
    }
  } finally {
    clearInterval(sampler);
  }
  return { ...times, peakRssMb: Math.round(peak / 1024 / 1024) };
}

function summary(app: number[], floor: number[]) {
  const appMs = median(app);
  const floorMs = median(floor);
  return { appMs: round(appMs), floorMs: round(floorMs), ratio: round(appMs / floorMs) };
}

/** The naive way: one contact at a time, two statements each, in one transaction. */
async function reactivateRowByRow(prisma: PrismaClient, companyId: string, ids: string[]) {
  await prisma.$transaction(
    async (tx) => {
      for (const id of ids) {
        await tx.contact.update({ where: { id }, data: { status: "ACTIVE", inactivatedAt: null } });
        await tx.projectContact.updateMany({ where: { companyId, contactId: id, status: "INACTIVE" }, data: { status: "ACTIVE" } });
      }
    },
    { timeout: 120_000 },
  );
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
