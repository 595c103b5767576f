// Run by tests/integration/crash-recovery.test.ts in a child process, which kills it
// mid-change: flips a whole company between inactive and active, forever, on the
// embedded database in the given directory.
// Usage: tsx --conditions=react-server tests/helpers/bulk-forever.ts <data dir>
import { inactivateContacts } from "@/server/contacts/inactivate-contacts";
import { reactivateContacts } from "@/server/contacts/reactivate-contacts";
import { migrate } from "@/server/db/migrate";
import { openDatabase } from "@/server/db/open-database";

const CONTACTS = 500;
const db = openDatabase({ kind: "pglite", dataDir: process.argv[2]! });
await migrate(db.sql);
let [company] = await db.sql.query<{ id: string }>(`SELECT id FROM "Company" WHERE name = 'Crash test'`);
if (!company) {
  [company] = await db.sql.query<{ id: string }>(`INSERT INTO "Company" (name) VALUES ('Crash test') RETURNING id`);
  await db.sql.query(`INSERT INTO "Project" ("companyId", name) SELECT $1, 'Site ' || g FROM generate_series(1, 2) g`, [
    company!.id,
  ]);
  await db.sql.query(
    `INSERT INTO "Contact" ("companyId", "firstName", "lastName") SELECT $1, 'Crash', 'Test ' || g FROM generate_series(1, $2::int) g`,
    [company!.id, CONTACTS],
  );
  await db.sql.query(
    `INSERT INTO "ProjectContact" ("companyId", "projectId", "contactId")
     SELECT c."companyId", p.id, c.id FROM "Contact" c JOIN "Project" p ON p."companyId" = c."companyId" WHERE c."companyId" = $1`,
    [company!.id],
  );
}
const companyId = company!.id;
const ids = (
  await db.sql.query<{ id: string }>(`SELECT id::text AS id FROM "Contact" WHERE "companyId" = $1`, [companyId])
).map((r) => r.id);
console.log("ready");
for (let n = 1; ; n++) {
  const [{ status }] = (await db.sql.query<{ status: string }>(
    `SELECT status::text AS status FROM "Contact" WHERE id = $1`,
    [ids[0]],
  )) as [{ status: string }];
  const change = status === "ACTIVE" ? inactivateContacts : reactivateContacts;
  await change(db.prisma, { companyId, contactIds: ids });
  console.log(`batch ${n}`);
}
