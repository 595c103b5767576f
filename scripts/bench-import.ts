// The import case of `npm run bench`: a file of n rows, half updates of existing contacts
// and half new ones, imported by the app (planning and writing, the file already read)
// against the floor (the same rows written by the fewest statements, history included, run
// directly); reading the same rows as CSV and as XLSX is timed on its own.
import { randomUUID } from "node:crypto";
import * as XLSX from "@e965/xlsx";
import { stringify } from "csv-stringify/sync";
import type { Database } from "@/server/db/open-database";
import type { SqlDatabase } from "@/server/db/sql";
import { importContacts } from "@/server/import/import-contacts";
import { readSpreadsheet } from "@/server/import/read-spreadsheet";
import { guessMapping } from "@/shared/import/fields";

const HEADERS = ["First name", "Last name", "Email", "Job title"];

export type ImportBench = {
  case: { name: string; appMs: number; floorMs: number; ratio: number; peakRssMb: number };
  parse: { rows: number; csvMs: number; xlsxMs: number };
};

function fileRows(n: number) {
  const half = Math.floor(n / 2);
  return [
    ...Array.from({ length: half }, (_, i) => ["Bench", `Existing ${i}`, `e${i}@bench.test`, "Rigger"]),
    ...Array.from({ length: n - half }, (_, i) => ["Bench", `New ${i}`, `n${i}@bench.test`, "Laborer"]),
  ];
}

/** A company of its own with the half of the file's people that already exist. Not timed. */
async function freshCompany(sql: SqlDatabase, n: number): Promise<string> {
  const [company] = await sql.query<{ id: string }>(
    `INSERT INTO "Company" (name) VALUES ('Import bench') RETURNING id::text AS id`,
  );
  await sql.query(
    `INSERT INTO "Contact" ("companyId", "firstName", "lastName", email)
     SELECT $1, 'Bench', 'Existing ' || g, 'e' || g || '@bench.test' FROM generate_series(0, $2::int - 1) g`,
    [company!.id, Math.floor(n / 2)],
  );
  await sql.exec(`ANALYZE "Contact"`);
  return company!.id;
}

/**
 * The floor: the batch, the new contacts, the updates and every contact's event, four
 * statements in one transaction, knowing already which rows update whom.
 */
async function importFloor(sql: SqlDatabase, companyId: string, rows: string[][]) {
  await sql.transaction(async (tx) => {
    const [batch] = await tx.query<{ id: string }>(
      `INSERT INTO "ChangeBatch" ("companyId", action, "actorName") VALUES ($1, 'contacts.import', 'Benchmark floor') RETURNING id::text AS id`,
      [companyId],
    );
    const existing = await tx.query<{ id: string; email: string }>(
      `SELECT id::text AS id, email FROM "Contact" WHERE "companyId" = $1`,
      [companyId],
    );
    const byEmail = new Map(existing.map((c) => [c.email, c.id]));
    const updates = rows.filter((r) => byEmail.has(r[2]!)).map((r) => ({ id: byEmail.get(r[2]!)!, jobTitle: r[3] }));
    const creates = rows
      .filter((r) => !byEmail.has(r[2]!))
      .map((r) => ({ id: randomUUID(), firstName: r[0], lastName: r[1], email: r[2], jobTitle: r[3] }));
    await tx.query(
      `INSERT INTO "Contact" (id, "companyId", "firstName", "lastName", email, "jobTitle", origin)
       SELECT r.id, $1, r."firstName", r."lastName", r.email, r."jobTitle", 'IMPORT'
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, "firstName" text, "lastName" text, email text, "jobTitle" text)`,
      [companyId, JSON.stringify(creates)],
    );
    await tx.query(
      `UPDATE "Contact" c SET "jobTitle" = r."jobTitle", "updatedAt" = now()
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, "jobTitle" text) WHERE c."companyId" = $1 AND c.id = r.id`,
      [companyId, JSON.stringify(updates)],
    );
    const events = [
      ...creates.map((c) => ({
        contactId: c.id,
        action: "contact.imported",
        changes: { fields: { firstName: { from: null, to: c.firstName } } },
      })),
      ...updates.map((u) => ({
        contactId: u.id,
        action: "contact.updated_by_import",
        changes: { fields: { jobTitle: { from: null, to: u.jobTitle } } },
      })),
    ];
    await tx.query(
      `INSERT INTO "ContactEvent" ("companyId", "contactId", "batchId", action, "projectIds", changes)
       SELECT $1, e."contactId", $2, e.action, '{}', e.changes FROM jsonb_to_recordset($3::jsonb) AS e("contactId" uuid, action text, changes jsonb)`,
      [companyId, batch!.id, JSON.stringify(events)],
    );
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (x: number) => Math.round(x * 100) / 100;

async function timed(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export async function benchImport(db: Database, n: number, runs: number): Promise<ImportBench> {
  const rows = fileRows(n);
  const csv = new TextEncoder().encode(stringify([HEADERS, ...rows]));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([HEADERS, ...rows]), "Payroll");
  const xlsx = XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
  const parse = { csv: [] as number[], xlsx: [] as number[] };
  for (let run = 0; run < runs; run++) {
    parse.csv.push(await timed(() => readSpreadsheet(csv, "bench.csv")));
    parse.xlsx.push(await timed(() => readSpreadsheet(xlsx, "bench.xlsx")));
  }

  const times = { app: [] as number[], floor: [] as number[] };
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const sampler = setInterval(sample, 5);
  try {
    for (let run = 0; run < runs; run++) {
      for (const which of run % 2 === 0 ? (["app", "floor"] as const) : (["floor", "app"] as const)) {
        const companyId = await freshCompany(db.sql, n);
        const ms = await timed(async () => {
          if (which === "floor") return importFloor(db.sql, companyId, rows);
          const outcome = await importContacts(db.prisma, {
            companyId,
            fileName: "bench.csv",
            headers: HEADERS,
            rows,
            mapping: guessMapping(HEADERS),
            nameOrder: "first-last",
            onMatch: "update",
            createVendors: true,
            dryRun: false,
            skipInvalid: false,
          });
          if (outcome.counts.create + outcome.counts.update !== n)
            throw new Error(`imported ${outcome.counts.create + outcome.counts.update} of ${n}`);
        });
        times[which].push(ms);
        sample();
      }
    }
  } finally {
    clearInterval(sampler);
  }
  const appMs = median(times.app);
  const floorMs = median(times.floor);
  return {
    case: {
      name: `import_${n}`,
      appMs: round(appMs),
      floorMs: round(floorMs),
      ratio: round(appMs / floorMs),
      peakRssMb: Math.round(peak / 1024 / 1024),
    },
    parse: { rows: n, csvMs: round(median(parse.csv)), xlsxMs: round(median(parse.xlsx)) },
  };
}
