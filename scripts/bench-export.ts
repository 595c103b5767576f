// The CSV export cases of `npm run bench` (PostgreSQL): a directory tab of the large
// company exported by the app — the same stream the Export CSV link downloads — against
// the floor: the same columns produced by PostgreSQL itself in one
// `COPY (SELECT …) TO STDOUT WITH (FORMAT csv)` read through pg-copy-streams. The floor
// neither defuses formulas nor adds the byte-order mark; the app does both.
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { contactsCsv } from "@/features/contacts/export-csv";
import type { Database } from "@/server/db/open-database";
import type { DirectoryQuery, DirectoryTab } from "@/shared/directory-query";

const QUERY: DirectoryQuery = {
  q: "",
  sort: "name.asc",
  page: 1,
  perPage: 50,
  vendor: null,
  project: null,
  origin: null,
  group: null,
  hide: [],
};

/** The export's columns and order, as PostgreSQL writes them. */
function floorSql(companyId: string, status: "ACTIVE" | "INACTIVE") {
  return `COPY (
    SELECT c.id, c."firstName", c."lastName", c.email, c.phone, c."jobTitle", v.name, c."employeeId", c.classification,
           CASE WHEN c."isEmployee" THEN 'Yes' ELSE 'No' END, c.origin,
           CASE WHEN c.status = 'ACTIVE' THEN 'Active' ELSE 'Inactive' END,
           (SELECT string_agg(p.name, '; ' ORDER BY p.name)
              FROM "ProjectContact" pc JOIN "Project" p ON p."companyId" = pc."companyId" AND p.id = pc."projectId"
             WHERE pc."companyId" = c."companyId" AND pc."contactId" = c.id AND pc.status = '${status}'),
           to_char(c."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD'), to_char(c."inactivatedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD')
      FROM "Contact" c LEFT JOIN "Vendor" v ON v."companyId" = c."companyId" AND v.id = c."vendorId"
     WHERE c."companyId" = '${companyId}' AND c.status = '${status}'
     ORDER BY c."lastName", c."firstName", c.id
  ) TO STDOUT WITH (FORMAT csv, HEADER)`;
}

/** Counts what a stream writes, keeping nothing: memory stays flat whatever the size. */
function sink() {
  let bytes = 0;
  let lines = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      done();
    },
  });
  return { stream, counted: () => ({ bytes, lines }) };
}

export async function benchExport(
  db: Database,
  url: string,
  companyId: string,
  sideBySide: (
    app: () => Promise<unknown>,
    floor: () => Promise<unknown>,
  ) => Promise<{
    app: number[];
    floor: number[];
    peakRssMb: number;
  }>,
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const cases = [];
    for (const [tab, status] of [
      ["inactive-contacts", "INACTIVE"],
      ["contacts", "ACTIVE"],
    ] as [DirectoryTab, "ACTIVE" | "INACTIVE"][]) {
      let appLines = 0;
      let floorLines = 0;
      const app = async () => {
        const out = sink();
        await pipeline(contactsCsv(db.prisma, { companyId }, tab, QUERY), out.stream);
        appLines = out.counted().lines;
      };
      const floor = async () => {
        const out = sink();
        await pipeline(client.query(copyTo(floorSql(companyId, status))), out.stream);
        floorLines = out.counted().lines;
      };
      const times = await sideBySide(app, floor);
      if (appLines !== floorLines) throw new Error(`the app wrote ${appLines} lines, the floor ${floorLines}`);
      cases.push({
        name: `export_${tab === "contacts" ? "active" : "inactive"}_100k`,
        rows: appLines - 1,
        times,
      });
    }
    return cases;
  } finally {
    await client.end();
  }
}
