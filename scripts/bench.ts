// Measures the app against the raw-SQL floor, side by side in one run: the bulk lifecycle
// operations (the same change made by the minimal statements in one transaction, run
// directly on the same rows), a naive row-by-row loop for contrast, and the directory
// query (listContacts, searched and sorted) against the very statements Prisma sends for it.
// Usage: npm run bench [-- --contacts 10000 --memberships 5 --list-contacts 100000 --import-rows 10000
//   --companies 1000 --company-contacts 20 --runs 5 --json --chart]
//        npm run bench -- --only export   (just the cases whose names start with it; export: PostgreSQL only)
//        npm run bench -- --http [--rounds 3 --connections 20 --duration 10 --app-port 3341 --floor-port 3342
//   --pg-log /var/log/postgresql/postgresql-15-main.log --cpu-prof <dir> --only <case> --json]   (see scripts/bench-http.ts)
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { PrismaClient } from "@/generated/prisma/client";
import { reactivateContacts } from "@/server/contacts/reactivate-contacts";
import { listContacts, type ListContactsOptions } from "@/server/contacts/list-contacts";
import { migrate } from "@/server/db/migrate";
import type { CapturedQuery, Database } from "@/server/db/open-database";
import type { SqlDatabase } from "@/server/db/sql";
import { findLargeCompany, largeCompanyName, seedLargeCompany } from "@/server/demo/seed-large-company";
import { benchExport } from "./bench-export";
import { duplicateGroupsSql, findDuplicateGroups } from "@/server/contacts/find-duplicate-groups";
import { benchHttp } from "./bench-http";
import { benchImport } from "./bench-import";
import { benchVendors } from "./bench-vendors";
import { openScriptDatabase } from "./open-script-database";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string", default: "10000" },
    memberships: { type: "string", default: "5" },
    "list-contacts": { type: "string", default: "100000" },
    "import-rows": { type: "string", default: "10000" },
    companies: { type: "string", default: "1000" },
    "company-contacts": { type: "string", default: "20" },
    runs: { type: "string", default: "5" },
    json: { type: "boolean", default: false },
    chart: { type: "boolean", default: false },
    http: { type: "boolean", default: false },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "20" },
    duration: { type: "string", default: "10" },
    "app-port": { type: "string", default: "3341" },
    "floor-port": { type: "string", default: "3342" },
    "pg-log": { type: "string", default: "/var/log/postgresql/postgresql-15-main.log" },
    "cpu-prof": { type: "string" },
    "company-name": { type: "string" },
    only: { type: "string" },
  },
});
if (args.http) {
  if (!process.env.DATABASE_URL) throw new Error("npm run bench -- --http runs on PostgreSQL: set DATABASE_URL.");
  const { cases } = await benchHttp({
    databaseUrl: process.env.DATABASE_URL,
    companyName: args["company-name"] ?? largeCompanyName(Number(args["list-contacts"])),
    appPort: Number(args["app-port"]),
    floorPort: Number(args["floor-port"]),
    connections: Number(args.connections),
    duration: Number(args.duration),
    rounds: Number(args.rounds),
    pgLog: args["pg-log"],
    cpuProfDir: args["cpu-prof"],
    only: args.only,
    log: (line) => (args.json ? console.error(line) : console.log(line)),
  });
  if (args.json) console.log(JSON.stringify({ database: "postgres", cases }, null, 2));
  else console.table(cases);
  process.exit(0);
}
const contacts = Number(args.contacts);
const perContact = Number(args.memberships);
const listSize = Number(args["list-contacts"]);
const runs = Number(args.runs);

type Case = { name: string; appMs: number; floorMs: number; ratio: number; peakRssMb?: number };

const { db, where } = openScriptDatabase();
try {
  await migrate(db.sql);
  const cases: Case[] = [];
  let imported: Awaited<ReturnType<typeof benchImport>> | null = null;
  // --only runs just the cases whose names start with it.
  const want = (name: string) => !args.only || name.startsWith(args.only);
  if (want("bulk_reactivate") || want("naive_row_loop")) {
    const { companyId, ids } = await seedBenchCompany(db.sql, contacts, perContact);
    const thousand = ids.slice(0, Math.min(1000, ids.length));

    for (const batch of ids.length > thousand.length ? [thousand, ids] : [ids]) {
      const { app, floor, peakRssMb } = await sideBySide(
        async () => {
          const result = await reactivateContacts(db.prisma, { companyId, contactIds: batch });
          if (result.changed.length !== batch.length)
            throw new Error(`reactivated ${result.changed.length} of ${batch.length}`);
        },
        () => reactivateFloor(db.sql, companyId, batch),
        () => inactivateAll(db.sql, companyId),
      );
      cases.push({
        name: `bulk_reactivate_${batch.length}`,
        ...summary(app, floor),
        ...(batch === ids ? { peakRssMb } : {}),
      });
    }
    // What a loop of single-row writes costs, against the same set-based floor.
    const naive = await sideBySide(
      () => reactivateRowByRow(db.prisma, companyId, thousand),
      () => reactivateFloor(db.sql, companyId, thousand),
      () => inactivateAll(db.sql, companyId),
    );
    cases.push({ name: `naive_row_loop_${thousand.length}`, ...summary(naive.app, naive.floor) });
  }

  const listCompanyId = await listCompany(db.sql, listSize);
  if (want("list_search_sort_page"))
    cases.push({ name: "list_search_sort_page", ...(await benchList(db, listCompanyId)) });
  if (want("find_duplicates"))
    cases.push({
      name: `find_duplicates_${listSize >= 1000 ? `${Math.round(listSize / 1000)}k` : listSize}`,
      ...(await benchDuplicates(db, listCompanyId)),
    });

  if (want("import")) {
    imported = await benchImport(db, Number(args["import-rows"]), runs);
    cases.push(imported.case);
  }

  if (want("bulk_inactivate_"))
    cases.push(await benchVendors(db, Number(args.companies), Number(args["company-contacts"]), sideBySide, summary));

  // The export's floor is PostgreSQL's own COPY, so these cases run on PostgreSQL only.
  if (db.kind === "postgres" && want("export_")) {
    for (const exported of await benchExport(db, process.env.DATABASE_URL!, listCompanyId, sideBySide)) {
      cases.push({
        name: exported.name,
        ...summary(exported.times.app, exported.times.floor),
        peakRssMb: exported.times.peakRssMb,
      });
    }
  }

  const result = {
    contacts,
    memberships: contacts * perContact,
    listContacts: listSize,
    database: db.kind,
    cases,
    ...(imported ? { importParse: imported.parse } : {}),
  };
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(
      `Database: ${db.kind} (${where}); ${contacts} contacts x ${perContact} memberships; list on ${listSize} contacts; median of ${runs} runs`,
    );
    console.table(cases);
    if (imported)
      console.log(
        `Reading ${imported.parse.rows} rows: CSV ${imported.parse.csvMs} ms, XLSX ${imported.parse.xlsxMs} ms`,
      );
  }
  if (args.chart) {
    const file = path.join("docs", "images", `bench-${db.kind}.svg`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      chart(`${db.kind === "postgres" ? "PostgreSQL" : "PGlite"}: app and floor, median of ${runs} runs (ms)`, cases),
    );
    if (!args.json) console.log(`Chart: ${file}`);
  }
} finally {
  await db.close();
}

/**
 * Runs the app's operation and the floor alternately (so neither always meets a warmer
 * cache), each time from the same starting state, and samples the process's memory.
 */
async function sideBySide(app: () => Promise<unknown>, floor: () => Promise<unknown>, reset?: () => Promise<void>) {
  const times = { app: [] as number[], floor: [] as number[] };
  // Sampled on a timer and after each run: the embedded database's WASM can hold the
  // event loop for a whole statement, so the timer alone may never fire.
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const sampler = setInterval(sample, 5);
  try {
    for (let run = 0; run < runs; run++) {
      for (const which of run % 2 === 0 ? (["app", "floor"] as const) : (["floor", "app"] as const)) {
        await reset?.();
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

/** The company the directory query runs on: a large seed of this size, built once and reused. */
async function listCompany(sql: SqlDatabase, n: number) {
  const found = await findLargeCompany(sql, n);
  if (found) return found;
  const projects = Math.max(20, Math.round(n * 0.015));
  if (!args.json) console.log(`Seeding a company of ${n} contacts for the directory query…`);
  return seedLargeCompany(sql, { contacts: n, projects, memberships: n * 10 });
}

/**
 * listContacts for a searched, sorted page of 50 with its count, against the floor: the
 * statements Prisma sends for it (captured once), run directly with their parameters in
 * the same order and with the same concurrency (the count beside the page and its relations).
 */
async function benchList(db: Database, companyId: string) {
  const options: ListContactsOptions = {
    companyId,
    status: "ACTIVE",
    q: "garcia",
    sort: "name.asc",
    page: 3,
    perPage: 50,
  };
  const statements: CapturedQuery[] = [];
  const expected = await listContacts(
    db.capturingPrisma((query) => statements.push(query)),
    options,
  );

  const isContactQuery = (q: CapturedQuery) => /FROM "public"\."Contact"/.test(q.query);
  const firstContactQuery = statements.findIndex(isContactQuery);
  const lookups = statements.slice(0, firstContactQuery);
  const rest = statements.slice(firstContactQuery);
  const count = rest.filter((q) => /COUNT\(/.test(q.query));
  const page = rest.filter((q) => !count.includes(q));
  if (count.length !== 1 || !page.some(isContactQuery))
    throw new Error("listContacts sent statements the bench does not recognise");

  const floor = async () => {
    await Promise.all(lookups.map((q) => db.sql.query(q.query, q.params)));
    const [, [total]] = await Promise.all([
      (async () => {
        for (const q of page) await db.sql.query(q.query, q.params);
      })(),
      db.sql.query<{ _count$_all: number | string }>(count[0]!.query, count[0]!.params),
    ]);
    if (Number(total!["_count$_all"]) !== expected.total) throw new Error("the floor counted differently");
  };
  await floor();
  const { app, floor: floorTimes } = await sideBySide(() => listContacts(db.prisma, options), floor);
  return summary(app, floorTimes);
}

/**
 * The Duplicates page's first screen (findDuplicateGroups: the grouping, then the groups'
 * contacts side by side) against the same grouping statement run directly.
 */
async function benchDuplicates(db: Database, companyId: string) {
  const options = { companyId, page: 1, perPage: 20 };
  const grouping = duplicateGroupsSql(options);
  const { groups } = await findDuplicateGroups(db.prisma, options);
  const floor = async () => {
    const rows = await db.sql.query<{ id: string }>(grouping.text, grouping.values);
    if (rows.length !== groups.length) throw new Error("the floor grouped differently");
  };
  await floor();
  const { app, floor: floorTimes } = await sideBySide(() => findDuplicateGroups(db.prisma, options), floor);
  return summary(app, floorTimes);
}

/** Horizontal bars, app and floor per case, each labelled with its time. */
function chart(title: string, cases: Case[]) {
  const width = 760;
  const labelWidth = 190;
  const barArea = width - labelWidth - 110;
  const rowHeight = 52;
  const top = 48;
  const height = top + cases.length * rowHeight + 36;
  const max = Math.max(...cases.flatMap((c) => [c.appMs, c.floorMs]));
  const colors = { app: "#2563eb", floor: "#9ca3af" };
  const ms = (x: number) => `${x.toLocaleString("en-US", { maximumFractionDigits: 1 })} ms`;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const rows = cases.map((c, i) => {
    const y = top + i * rowHeight;
    const bar = (value: number, dy: number, color: string) => {
      const w = Math.max(1, (value / max) * barArea);
      return (
        `<rect x="${labelWidth}" y="${y + dy}" width="${w.toFixed(1)}" height="16" fill="${color}"/>` +
        `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + dy + 12}" font-size="12">${ms(value)}</text>`
      );
    };
    return [
      `<text x="8" y="${y + 22}" font-size="13">${esc(c.name)}</text>`,
      `<text x="8" y="${y + 38}" font-size="11" fill="#4b5563">ratio ${c.ratio}</text>`,
      bar(c.appMs, 6, colors.app),
      bar(c.floorMs, 24, colors.floor),
    ].join("");
  });
  const legendY = height - 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="8" y="24" font-size="15" font-weight="600">${esc(title)}</text>
${rows.join("\n")}
<rect x="8" y="${legendY - 10}" width="12" height="12" fill="${colors.app}"/><text x="26" y="${legendY}" font-size="12">app</text>
<rect x="70" y="${legendY - 10}" width="12" height="12" fill="${colors.floor}"/><text x="88" y="${legendY}" font-size="12">floor (the same change or the same statements, run directly)</text>
</svg>
`;
}

/** The naive way: one contact at a time, three statements each (with its history event), in one transaction. */
async function reactivateRowByRow(prisma: PrismaClient, companyId: string, ids: string[]) {
  await prisma.$transaction(
    async (tx) => {
      const batch = await tx.changeBatch.create({
        data: { companyId, action: "contacts.reactivate", actorName: "Benchmark" },
      });
      for (const id of ids) {
        await tx.contact.update({
          where: { companyId_id: { companyId, id } },
          data: { status: "ACTIVE", inactivatedAt: null },
        });
        const memberships = await tx.projectContact.updateManyAndReturn({
          where: { companyId, contactId: id, status: "INACTIVE" },
          data: { status: "ACTIVE" },
          select: { projectId: true },
        });
        await tx.contactEvent.create({
          data: {
            companyId,
            contactId: id,
            batchId: batch.id,
            action: "contact.reactivated",
            projectIds: memberships.map((m) => m.projectId),
            changes: { status: { from: "INACTIVE", to: "ACTIVE" } },
          },
        });
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
    const rows = await tx.query<{ id: string }>(
      `SELECT id::text AS id FROM "Contact" WHERE "companyId" = $1 ORDER BY id`,
      [company!.id],
    );
    return { companyId: company!.id, ids: rows.map((r) => r.id) };
  });
}

async function inactivateAll(sql: SqlDatabase, companyId: string) {
  await sql.transaction(async (tx) => {
    await tx.query(`UPDATE "ProjectContact" SET status = 'INACTIVE' WHERE "companyId" = $1 AND status = 'ACTIVE'`, [
      companyId,
    ]);
    await tx.query(
      `UPDATE "Contact" SET status = 'INACTIVE', "inactivatedAt" = now() WHERE "companyId" = $1 AND status = 'ACTIVE'`,
      [companyId],
    );
  });
  await sql.exec(`VACUUM ANALYZE "Contact"`);
  await sql.exec(`VACUUM ANALYZE "ProjectContact"`);
}

/**
 * The floor: the fewest statements that make the same change, history included (the
 * change is not made until it is recorded), in one transaction: the contacts' UPDATE,
 * then one statement that flips the memberships and writes the batch and each
 * contact's event. What the app adds is the locking SELECT and Prisma's round trips.
 */
async function reactivateFloor(sql: SqlDatabase, companyId: string, ids: string[]) {
  await sql.transaction(async (tx) => {
    await tx.query(
      `UPDATE "Contact" SET status = 'ACTIVE', "inactivatedAt" = NULL, "updatedAt" = now()
       WHERE "companyId" = $1 AND id = ANY($2::uuid[]) AND status = 'INACTIVE'`,
      [companyId, ids],
    );
    await tx.query(
      `WITH changed AS (
         UPDATE "ProjectContact" SET status = 'ACTIVE', "updatedAt" = now()
         WHERE "companyId" = $1 AND "contactId" = ANY($2::uuid[]) AND status = 'INACTIVE'
         RETURNING "contactId", "projectId"
       ), batch AS (
         INSERT INTO "ChangeBatch" ("companyId", action, "actorName") VALUES ($1, 'contacts.reactivate', 'Benchmark floor') RETURNING id
       ), per_contact AS (
         SELECT "contactId", array_agg("projectId" ORDER BY "projectId") AS "projectIds" FROM changed GROUP BY "contactId"
       )
       INSERT INTO "ContactEvent" ("companyId", "contactId", "batchId", action, "projectIds", changes)
       SELECT $1, c.id, (SELECT id FROM batch), 'contact.reactivated', coalesce(p."projectIds", '{}'),
              '{"status":{"from":"INACTIVE","to":"ACTIVE"}}'::jsonb
       FROM unnest($2::uuid[]) AS c(id) LEFT JOIN per_contact p ON p."contactId" = c.id`,
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
