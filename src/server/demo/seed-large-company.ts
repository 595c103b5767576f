import type { SqlDatabase, SqlSession } from "@/server/db/sql";

export type LargeCompanySpec = { contacts: number; projects: number; memberships: number };
export type Progress = (phase: string, done: number, total: number) => void;

const BATCH = 20_000;
const FIRST = [
  "James",
  "Maria",
  "Robert",
  "Ana",
  "Michael",
  "Sofia",
  "David",
  "Lucia",
  "Daniel",
  "Grace",
  "Jose",
  "Emily",
  "Luis",
  "Hannah",
  "Kevin",
  "Rosa",
];
const LAST = [
  "Smith",
  "Garcia",
  "Johnson",
  "Martinez",
  "Brown",
  "Lopez",
  "Davis",
  "Gonzalez",
  "Wilson",
  "Hernandez",
  "Moore",
  "Nguyen",
  "Clark",
  "Ramirez",
  "Lewis",
  "Walker",
];
const TITLES = [
  "Journeyman Electrician",
  "Apprentice Plumber",
  "Carpenter Foreman",
  "General Laborer",
  "Ironworker",
  "Pipefitter",
  "Equipment Operator",
  "Flagger",
  "Site Visitor",
];

/** The name seedLargeCompany gives a company of this many contacts. */
export function largeCompanyName(contacts: number) {
  return `Large Co ${contacts.toLocaleString("en-US")} contacts`;
}

/** The id of a company seedLargeCompany built with this many contacts, if there is one. */
export async function findLargeCompany(sql: SqlSession, contacts: number): Promise<string | null> {
  const [company] = await sql.query<{ id: string }>(
    `SELECT id FROM "Company" WHERE name = $1 ORDER BY "createdAt" LIMIT 1`,
    [largeCompanyName(contacts)],
  );
  return company?.id ?? null;
}

/**
 * A company at production scale, built with set-based inserts in batches (a few dozen
 * statements, not a million): projects, 50 vendors, contacts (about 15% inactive) and
 * memberships spread evenly, each contact on distinct projects. Returns the company id.
 */
export async function seedLargeCompany(sql: SqlDatabase, spec: LargeCompanySpec, progress: Progress = () => {}) {
  const perContact = Math.max(1, Math.round(spec.memberships / spec.contacts));
  if (perContact > spec.projects)
    throw new Error("Each contact's memberships must fit in the projects: add projects or memberships per contact.");
  // One transaction: a run that stops halfway leaves no half-built company behind, and one
  // run at a time per size (the advisory lock) finds what an earlier run built.
  const companyId = await sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [largeCompanyName(spec.contacts)]);
    const existing = await findLargeCompany(tx, spec.contacts);
    if (existing) return { id: existing, seeded: false };
    return { id: await insertLargeCompany(tx, spec, perContact, progress), seeded: true };
  });
  if (companyId.seeded) {
    await sql.exec(`ANALYZE "Contact"`);
    await sql.exec(`ANALYZE "ProjectContact"`);
  }
  return companyId.id;
}

async function insertLargeCompany(sql: SqlSession, spec: LargeCompanySpec, perContact: number, progress: Progress) {
  const [company] = await sql.query<{ id: string }>(`INSERT INTO "Company" (name) VALUES ($1) RETURNING id`, [
    largeCompanyName(spec.contacts),
  ]);
  const companyId = company!.id;
  await sql.query(
    `INSERT INTO "Project" ("companyId", name, number) SELECT $1, 'Project ' || g, 'L-' || g FROM generate_series(1, $2::int) g`,
    [companyId, spec.projects],
  );
  await sql.query(
    `INSERT INTO "Vendor" ("companyId", name, trade) SELECT $1, 'Vendor ' || g, 'Trade ' || (g % 20) FROM generate_series(1, 50) g`,
    [companyId],
  );
  for (let from = 1; from <= spec.contacts; from += BATCH) {
    const to = Math.min(spec.contacts, from + BATCH - 1);
    // Every seventh contact is inactive (about 15%); names, titles and vendors cycle.
    await sql.query(
      `INSERT INTO "Contact" ("companyId", "firstName", "lastName", email, phone, "jobTitle", "employeeId", "vendorId", status, "inactivatedAt", origin)
       SELECT $1, ($4::text[])[1 + g % cardinality($4::text[])], ($5::text[])[1 + (g / 16) % cardinality($5::text[])] || ' ' || g,
              'worker' || g || '@example.com', '(555) ' || lpad((g % 1000)::text, 3, '0') || '-' || lpad((g % 10000)::text, 4, '0'),
              ($6::text[])[1 + g % cardinality($6::text[])], 'E-' || g,
              (SELECT id FROM "Vendor" v WHERE v."companyId" = $1 AND v.name = 'Vendor ' || (1 + g % 50)),
              CASE WHEN g % 7 = 0 THEN 'INACTIVE'::"ContactStatus" ELSE 'ACTIVE'::"ContactStatus" END,
              CASE WHEN g % 7 = 0 THEN now() END,
              'CREWS'
       FROM generate_series($2::int, $3::int) g`,
      [companyId, from, to, FIRST, LAST, TITLES],
    );
    progress("contacts", to, spec.contacts);
  }
  // Statistics before joining on the new rows: PGlite runs no autovacuum, and without them
  // each batch of memberships scans every contact per row.
  await sql.exec(`ANALYZE "Contact"`);
  const contactIds = await sql.query<{ id: string; n: number }>(
    `SELECT id::text AS id, row_number() OVER (ORDER BY "lastName", id)::int AS n FROM "Contact" WHERE "companyId" = $1`,
    [companyId],
  );
  const projectIds = (
    await sql.query<{ id: string }>(`SELECT id::text AS id FROM "Project" WHERE "companyId" = $1 ORDER BY number`, [
      companyId,
    ])
  ).map((p) => p.id);
  for (let i = 0; i < contactIds.length; i += BATCH / perContact) {
    const slice = contactIds.slice(i, i + BATCH / perContact);
    // Contact n is on projects n, n+1, …: distinct, and spread evenly over all projects.
    await sql.query(
      `INSERT INTO "ProjectContact" ("companyId", "projectId", "contactId", status)
       SELECT $1, ($2::uuid[])[1 + (c.n + k) % cardinality($2::uuid[])], c.id, CASE WHEN ct.status = 'INACTIVE' THEN 'INACTIVE'::"MembershipStatus" ELSE 'ACTIVE'::"MembershipStatus" END
       FROM unnest($3::uuid[], $4::int[]) AS c(id, n)
       JOIN "Contact" ct ON ct."companyId" = $1 AND ct.id = c.id
       CROSS JOIN generate_series(0, $5::int - 1) k`,
      [companyId, projectIds, slice.map((c) => c.id), slice.map((c) => c.n), perContact],
    );
    progress("memberships", Math.min(contactIds.length, i + slice.length) * perContact, contactIds.length * perContact);
  }
  return companyId;
}
