import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { inTransaction, type Db } from "@/server/db/transaction";
import { notFound } from "@/server/errors";
import { SYSTEM, type ChangedBy } from "@/server/history/changed-by";
import { lockContacts } from "@/server/contacts/lock-contacts";
import { openBatch } from "@/server/history/open-batch";
import type { CellProblem, ImportCounts, PlannedRow } from "@/shared/import/fields";
import type { ImportBatchDetails, ImportEventChanges } from "./import-event";
import { findImportDuplicates } from "./find-import-duplicates";
import {
  extractRows,
  flagProbableDuplicates,
  newRowsOf,
  matchKeys,
  planRows,
  vendorKey,
  type ExistingContact,
  type KnownProject,
  type KnownVendor,
  type Plan,
  type PlanInput,
} from "./plan-rows";

type Tx = Prisma.TransactionClient;

export type ImportContactsOptions = PlanInput & {
  companyId: string;
  fileName: string;
  sheet?: string;
  /** Plan only: nothing is written. */
  dryRun: boolean;
  /** Import the valid rows and report the rest; otherwise any invalid row refuses the whole import. */
  skipInvalid: boolean;
  by?: ChangedBy;
};

export type ImportOutcome = {
  /** The import's history batch; null for a dry run or when nothing changed. */
  batchId: string | null;
  dryRun: boolean;
  counts: ImportCounts;
  rows: PlannedRow[];
  /** Companies that do not exist yet: created by the import. */
  newVendors: string[];
};

/** Rows with errors (or duplicates inside the file) in an import that was not told to skip them: nothing was imported. */
export class InvalidRowsError extends Error {
  constructor(readonly rows: CellProblem[]) {
    super(
      `Nothing was imported: ${rows.length.toLocaleString("en-US")} ${rows.length === 1 ? "problem" : "problems"} in the file, first on row ${rows[0]!.row} (${rows[0]!.column}): ${rows[0]!.message}`,
    );
    this.name = "InvalidRowsError";
  }
}

/** Every problem of a plan, one per cell, in row order. */
export function problemsOf(rows: PlannedRow[]): CellProblem[] {
  return rows.flatMap((r) => r.problems.map((p) => ({ row: r.row, ...p })));
}

/**
 * Imports the rows of a spreadsheet as contacts, in one transaction with one history
 * batch (contacts.import): plans every row against the directory as it is once the
 * matched contacts are locked, then writes set-based — the same dozen statements for
 * one row or 50,000. Imports of one company queue, so the same file imported twice at
 * once creates its people once (the second run finds them). A dry run plans only.
 */
export function importContacts(db: Db, options: ImportContactsOptions): Promise<ImportOutcome> {
  const { companyId, dryRun, skipInvalid, by = SYSTEM } = options;
  return inTransaction(db, async (tx) => {
    if (!dryRun) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rollcall.import:' || ${companyId}))`;
    const projects = await tx.$queryRaw<KnownProject[]>`
      SELECT id::text AS id, name, number FROM "Project" WHERE "companyId" = ${companyId}::uuid`;
    if (options.projectId && !projects.some((p) => p.id === options.projectId))
      throw notFound("That project is not in this company.");
    const vendors = await tx.$queryRaw<KnownVendor[]>`
      SELECT id::text AS id, name, status::text AS status, "mergedIntoId"::text AS "mergedIntoId"
      FROM "Vendor" WHERE "companyId" = ${companyId}::uuid`;
    const extracted = extractRows(options);
    const contacts = await lockMatches(tx, companyId, matchKeys(extracted), !dryRun);
    const planned = planRows(options, extracted, { contacts, vendors, projects });
    const found = await findImportDuplicates(tx, companyId, newRowsOf(planned, vendors));
    const plan = flagProbableDuplicates(planned, found, options);
    const problems = problemsOf(plan.rows);
    const outcome = { dryRun, counts: plan.counts, rows: plan.rows, newVendors: plan.newVendors };
    if (problems.length && !skipInvalid && !dryRun) throw new InvalidRowsError(problems);
    if (dryRun || (plan.writes.creates.length === 0 && plan.writes.updates.length === 0))
      return { batchId: null, ...outcome };
    const batchId = await writePlan(tx, options, plan, vendors, by);
    return { batchId, ...outcome };
  });
}

/**
 * The contacts the rows can match (by Employee ID or email, case-insensitive), locked
 * like every writer locks: by id, in id order, before anything is written.
 */
async function lockMatches(
  tx: Tx,
  companyId: string,
  keys: { employeeIds: string[]; emails: string[] },
  lock: boolean,
): Promise<ExistingContact[]> {
  if (keys.employeeIds.length === 0 && keys.emails.length === 0) return [];
  const found = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM "Contact"
    WHERE "companyId" = ${companyId}::uuid AND status IN ('ACTIVE', 'INACTIVE')
      AND (lower("employeeId") = ANY(${keys.employeeIds}::text[]) OR lower(email) = ANY(${keys.emails}::text[]))`;
  if (found.length === 0) return [];
  const ids = found.map((c) => c.id);
  // The one lock rule, then the fields the plan compares, read under that lock.
  if (lock) await lockContacts(tx, companyId, ids);
  const locked = await tx.$queryRaw<Omit<ExistingContact, "memberships">[]>`
    SELECT id::text AS id, "firstName", "lastName", email, phone, "jobTitle", "employeeId", classification, "isEmployee",
           "vendorId"::text AS "vendorId", status::text AS status
    FROM "Contact" WHERE "companyId" = ${companyId}::uuid AND id = ANY(${ids}::uuid[]) ORDER BY id`;
  const memberships = await tx.$queryRaw<{ contactId: string; projectId: string; status: string }[]>`
    SELECT "contactId"::text AS "contactId", "projectId"::text AS "projectId", status::text AS status
    FROM "ProjectContact" WHERE "companyId" = ${companyId}::uuid AND "contactId" = ANY(${ids}::uuid[])`;
  const byContact = new Map<string, ExistingContact["memberships"]>();
  for (const m of memberships) byContact.set(m.contactId, [...(byContact.get(m.contactId) ?? []), m]);
  // A contact discarded while we waited for its lock is no match any more.
  return locked
    .filter((c) => c.status === "ACTIVE" || c.status === "INACTIVE")
    .map((c) => ({ ...c, memberships: byContact.get(c.id) ?? [] }));
}

async function writePlan(
  tx: Tx,
  options: ImportContactsOptions,
  plan: Plan,
  vendors: KnownVendor[],
  by: ChangedBy,
): Promise<string> {
  const { companyId, projectId } = options;
  const { creates, updates, newVendors } = plan.writes;
  const details: ImportBatchDetails = {
    fileName: options.fileName,
    rowCount: options.rows.length,
    ...(options.sheet && { sheet: options.sheet }),
  };
  const batchId = await openBatch(tx, companyId, "contacts.import", by, projectId ? { projectId } : {});
  await tx.$executeRaw`
    UPDATE "ChangeBatch" SET details = ${JSON.stringify(details)}::jsonb WHERE "companyId" = ${companyId}::uuid AND id = ${batchId}::uuid`;

  const vendorIds = new Map(vendors.filter((v) => v.status === "ACTIVE").map((v) => [vendorKey(v.name), v.id]));
  if (newVendors.length) {
    // A company created meanwhile under the same name (ignoring case and spaces) is used, not duplicated.
    const created = await tx.$queryRaw<{ id: string; name: string }[]>`
      INSERT INTO "Vendor" ("companyId", name)
      SELECT ${companyId}::uuid, n FROM unnest(${newVendors}::text[]) AS n
      ON CONFLICT ("companyId", (lower(btrim(name)))) WHERE status <> 'MERGED' DO UPDATE SET "updatedAt" = "Vendor"."updatedAt"
      RETURNING id::text AS id, name`;
    for (const v of created) vendorIds.set(vendorKey(v.name), v.id);
  }
  const vendorId = (name: string | null) => (name === null ? null : vendorIds.get(vendorKey(name))!);

  const newContacts = creates.map((c) => ({ id: randomUUID(), ...c, vendorId: vendorId(c.vendor) }));
  if (newContacts.length) {
    await tx.$executeRaw`
      INSERT INTO "Contact" (id, "companyId", "firstName", "lastName", email, phone, "jobTitle", "employeeId", classification,
                             "isEmployee", "vendorId", origin, "originProjectId")
      SELECT r.id, ${companyId}::uuid, r."firstName", r."lastName", r.email, r.phone, r."jobTitle", r."employeeId", r.classification,
             r."isEmployee", r."vendorId", 'IMPORT', ${projectId ?? null}::uuid
      FROM jsonb_to_recordset(${JSON.stringify(newContacts.map((c) => ({ id: c.id, ...c.values, vendorId: c.vendorId })))}::jsonb) AS r(
        id uuid, "firstName" text, "lastName" text, email text, phone text, "jobTitle" text, "employeeId" text, classification text,
        "isEmployee" boolean, "vendorId" uuid)`;
  }
  const patched = updates.map((u) => ({ ...u, vendorId: vendorId(u.vendor) }));
  const withFields = patched.filter((u) => Object.keys(u.patch).length || u.vendorId);
  if (withFields.length) {
    // Only mapped, non-empty cells are in a patch: a field it leaves out keeps its value.
    await tx.$executeRaw`
      UPDATE "Contact" c SET
        "firstName" = COALESCE(r."firstName", c."firstName"), "lastName" = COALESCE(r."lastName", c."lastName"),
        email = COALESCE(r.email, c.email), phone = COALESCE(r.phone, c.phone), "jobTitle" = COALESCE(r."jobTitle", c."jobTitle"),
        "employeeId" = COALESCE(r."employeeId", c."employeeId"), classification = COALESCE(r.classification, c.classification),
        "isEmployee" = COALESCE(r."isEmployee", c."isEmployee"), "vendorId" = COALESCE(r."vendorId", c."vendorId"), "updatedAt" = now()
      FROM jsonb_to_recordset(${JSON.stringify(withFields.map((u) => ({ id: u.contactId, ...u.patch, vendorId: u.vendorId })))}::jsonb) AS r(
        id uuid, "firstName" text, "lastName" text, email text, phone text, "jobTitle" text, "employeeId" text, classification text,
        "isEmployee" boolean, "vendorId" uuid)
      WHERE c."companyId" = ${companyId}::uuid AND c.id = r.id`;
  }
  // An inactive contact joins as inactive there: reactivating it brings it back to these projects too.
  const joins = [
    ...newContacts.flatMap((c) => c.projectIds.map((p) => ({ contactId: c.id, projectId: p, status: "ACTIVE" }))),
    ...patched.flatMap((u) =>
      u.joins.map((j) => ({ contactId: u.contactId, projectId: j.projectId, status: u.status })),
    ),
  ];
  if (joins.length) {
    await tx.$executeRaw`
      INSERT INTO "ProjectContact" ("companyId", "projectId", "contactId", status)
      SELECT ${companyId}::uuid, m."projectId", m."contactId", m.status::"MembershipStatus"
      FROM jsonb_to_recordset(${JSON.stringify(joins)}::jsonb) AS m("contactId" uuid, "projectId" uuid, status text)
      ON CONFLICT ("companyId", "projectId", "contactId") DO UPDATE
        SET status = EXCLUDED.status, "removedAt" = NULL, "updatedAt" = now()
        WHERE "ProjectContact".status = 'REMOVED'`;
  }
  const events = [
    ...newContacts.map((c) => ({
      contactId: c.id,
      action: "contact.imported",
      projectIds: c.projectIds,
      changes: {
        row: c.row,
        fields: fromNothing({ ...c.values, vendorId: c.vendorId, origin: "IMPORT" }),
        joined: c.projectIds.map((p) => ({ projectId: p, from: null })),
      } satisfies ImportEventChanges,
    })),
    ...patched.map((u) => ({
      contactId: u.contactId,
      action: "contact.updated_by_import",
      projectIds: u.joins.map((j) => j.projectId),
      changes: {
        row: u.row,
        fields: Object.fromEntries([
          ...Object.entries(u.patch).map(([f, to]) => [f, { from: u.before[f as keyof typeof u.before], to }]),
          ...(u.vendorId ? [["vendorId", { from: u.before.vendorId, to: u.vendorId }]] : []),
        ]),
        joined: u.joins,
      } satisfies ImportEventChanges,
    })),
  ];
  await tx.$executeRaw`
    INSERT INTO "ContactEvent" ("companyId", "contactId", "batchId", action, "projectIds", changes)
    SELECT ${companyId}::uuid, e."contactId", ${batchId}::uuid, e.action, e."projectIds", e.changes
    FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS e("contactId" uuid, action text, "projectIds" uuid[], changes jsonb)`;
  return batchId;
}

function fromNothing(
  values: Record<string, string | boolean | null | undefined>,
): Record<string, { from: null; to: string | boolean }> {
  return Object.fromEntries(
    Object.entries(values).flatMap(([f, to]) =>
      to === null || to === undefined || to === false ? [] : [[f, { from: null, to }]],
    ),
  );
}
