import "server-only";
import { CONTACT_FIELDS, contactFieldsSchema, type ContactField } from "@/shared/contact-fields";
import {
  FIELD_LABELS,
  SKIP_COLUMN,
  splitFullName,
  type ColumnTarget,
  type ImportCounts,
  type ImportField,
  type DuplicateOf,
  type DuplicateRows,
  type NameOrder,
  type OnDuplicate,
  type OnMatch,
  type PlannedRow,
} from "@/shared/import/fields";
import { describeReasons } from "@/shared/duplicate-reasons";
import type { NewRow, RowDuplicate } from "./find-import-duplicates";

export type ContactValues = { [F in ContactField]: F extends "isEmployee" ? boolean : string | null } & {
  firstName: string;
  lastName: string;
};

/** An existing contact a row can match, as locked for the import. */
export type ExistingContact = ContactValues & {
  id: string;
  status: "ACTIVE" | "INACTIVE";
  memberships: { projectId: string; status: string }[];
};
/** A company of the directory; only active ones are matched (an inactive one has left every picker). */
export type KnownVendor = {
  id: string;
  name: string;
  status: "ACTIVE" | "INACTIVE" | "MERGED";
  mergedIntoId: string | null;
};
export type KnownProject = { id: string; name: string; number: string | null };

export type PlanInput = {
  headers: string[];
  rows: string[][];
  /** One target per column. */
  mapping: ColumnTarget[];
  nameOrder: NameOrder;
  onMatch: OnMatch;
  createVendors: boolean;
  /** Importing into this project: created and updated contacts join it. */
  projectId?: string;
  /** New rows that are probably someone already there (or an earlier row): imported anyway by default, or skipped. */
  onDuplicate?: OnDuplicate;
  /** Per row (its number in the file), where the choice differs from onDuplicate. */
  duplicateRows?: DuplicateRows;
};

export type PlanContext = { contacts: ExistingContact[]; vendors: KnownVendor[]; projects: KnownProject[] };

/** What applying a plan writes: new contacts, updates with their previous values, memberships, new vendors. */
export type PlanWrites = {
  newVendors: string[];
  creates: { row: number; values: Omit<ContactValues, "vendorId">; vendor: string | null; projectIds: string[] }[];
  updates: {
    row: number;
    contactId: string;
    status: "ACTIVE" | "INACTIVE";
    patch: Partial<Omit<ContactValues, "vendorId">>;
    vendor: string | null;
    before: ContactValues;
    joins: { projectId: string; from: string | null }[];
  }[];
};

export type Plan = { rows: PlannedRow[]; counts: ImportCounts; writes: PlanWrites; newVendors: string[] };

/** Company names are the same when they differ only in case and spacing. */
export const vendorKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();
const projectKey = vendorKey;

type Extracted = {
  row: number;
  cells: Partial<Record<ImportField, string>>;
  columns: Partial<Record<ImportField, string>>;
  problems: { column: string; message: string }[];
};

/** Each row's mapped, non-empty cells by field, with the full name split and the NUL checks done. */
export function extractRows({
  headers,
  rows,
  mapping,
  nameOrder,
}: Pick<PlanInput, "headers" | "rows" | "mapping" | "nameOrder">): Extracted[] {
  return rows.map((cells, i) => {
    const out: Extracted = { row: i + 2, cells: {}, columns: {}, problems: [] };
    mapping.forEach((target, column) => {
      if (target === SKIP_COLUMN) return;
      const value = cells[column] ?? "";
      out.columns[target] = headers[column]!;
      if (value === "") return;
      if (value.includes("\0")) {
        out.problems.push({ column: headers[column]!, message: "Remove the NUL character from this cell." });
        return;
      }
      out.cells[target] = value;
    });
    if (out.cells.fullName !== undefined) {
      const { firstName, lastName } = splitFullName(out.cells.fullName, nameOrder);
      if (firstName && out.cells.firstName === undefined) out.cells.firstName = firstName;
      if (lastName && out.cells.lastName === undefined) out.cells.lastName = lastName;
      if (!out.columns.firstName) out.columns.firstName = out.columns.fullName;
      if (!out.columns.lastName) out.columns.lastName = out.columns.fullName;
    }
    return out;
  });
}

/** The keys the database is asked about: lower-cased Employee IDs and emails of every row. */
export function matchKeys(extracted: Extracted[]): { employeeIds: string[]; emails: string[] } {
  const employeeIds = new Set<string>();
  const emails = new Set<string>();
  for (const r of extracted) {
    if (r.cells.employeeId) employeeIds.add(r.cells.employeeId.toLowerCase());
    if (r.cells.email) emails.add(r.cells.email.toLowerCase());
  }
  return { employeeIds: [...employeeIds], emails: [...emails] };
}

const YES = new Set(["yes", "y", "true", "1", "x", "ja", "oui", "sí", "si"]);
const NO = new Set(["no", "n", "false", "0", "nein", "non"]);

const updateSchema = contactFieldsSchema.partial();

/**
 * The plan of an import: for each row what will happen (create, update with from → to,
 * unchanged, skip, error, duplicate inside the file), validated with the Add Contact
 * schema, and what applying it writes. Pure: the context is what the database holds.
 */
export function planRows(input: PlanInput, extracted: Extracted[], context: PlanContext): Plan {
  const byEmployeeId = groupBy(context.contacts, (c) => c.employeeId?.toLowerCase());
  const byEmail = groupBy(context.contacts, (c) => c.email?.toLowerCase());
  const active = context.vendors.filter((v) => v.status === "ACTIVE");
  const vendors = new Map(active.map((v) => [vendorKey(v.name), v]));
  const activeById = new Map(active.map((v) => [v.id, v]));
  const inactive = new Map(context.vendors.filter((v) => v.status === "INACTIVE").map((v) => [vendorKey(v.name), v]));
  // A name merged away stands for the company it was merged into, while that one is active.
  for (const v of context.vendors) {
    const into = v.status === "MERGED" && v.mergedIntoId ? activeById.get(v.mergedIntoId) : undefined;
    if (into && !vendors.has(vendorKey(v.name))) vendors.set(vendorKey(v.name), into);
  }
  const vendorNames = new Map(context.vendors.map((v) => [v.id, v.name]));
  const projects = new Map<string, KnownProject>();
  for (const p of context.projects) {
    projects.set(projectKey(p.name), p);
    if (p.number) projects.set(projectKey(p.number), p);
  }
  const projectNames = new Map(context.projects.map((p) => [p.id, p.name]));
  const newVendors = new Map<string, string>();
  const firstRowOf = new Map<string, number>();
  const writes: PlanWrites = { newVendors: [], creates: [], updates: [] };
  const counts: ImportCounts = {
    create: 0,
    update: 0,
    unchanged: 0,
    skip: 0,
    invalid: 0,
    duplicates: 0,
    probableDuplicates: 0,
  };

  const rows = extracted.map((r): PlannedRow => {
    const problems = [...r.problems];
    const column = (field: ImportField) => r.columns[field] ?? FIELD_LABELS[field];
    if (Object.keys(r.cells).length === 0 && problems.length === 0) {
      counts.skip++;
      return { row: r.row, outcome: "skip", reason: "empty row", problems };
    }

    let isEmployee: boolean | undefined;
    if (r.cells.isEmployee !== undefined) {
      const v = r.cells.isEmployee.toLowerCase();
      if (YES.has(v)) isEmployee = true;
      else if (NO.has(v)) isEmployee = false;
      else problems.push({ column: column("isEmployee"), message: `"${r.cells.isEmployee}" is not Yes or No.` });
    }

    let vendor: string | null = null;
    if (r.cells.vendor !== undefined) {
      const key = vendorKey(r.cells.vendor);
      if (key.length > 200)
        problems.push({ column: column("vendor"), message: "Keep the company name under 200 characters." });
      else if (vendors.has(key)) vendor = vendors.get(key)!.name;
      else if (inactive.has(key)) {
        problems.push({
          column: column("vendor"),
          message: `"${inactive.get(key)!.name}" is an inactive company. Reactivate it on Inactive Companies, or fix the name.`,
        });
      } else if (input.createVendors) {
        if (!newVendors.has(key)) newVendors.set(key, r.cells.vendor.trim().replace(/\s+/g, " "));
        vendor = newVendors.get(key)!;
      } else {
        problems.push({
          column: column("vendor"),
          message: `"${r.cells.vendor}" is not a company in this directory. Choose to create new companies, or fix the name.`,
        });
      }
    }

    const joinIds = new Set<string>(input.projectId ? [input.projectId] : []);
    if (r.cells.projects !== undefined) {
      for (const name of r.cells.projects
        .split(";")
        .map((p) => p.trim())
        .filter(Boolean)) {
        const project = projects.get(projectKey(name));
        if (project) joinIds.add(project.id);
        else problems.push({ column: column("projects"), message: `No project is named or numbered "${name}".` });
      }
    }

    // Employee ID first, then email; more than one existing contact is for a person to sort out.
    let match: ExistingContact | undefined;
    const byId = r.cells.employeeId ? (byEmployeeId.get(r.cells.employeeId.toLowerCase()) ?? []) : [];
    const byMail = !byId.length && r.cells.email ? (byEmail.get(r.cells.email.toLowerCase()) ?? []) : [];
    const candidates = byId.length ? byId : byMail;
    if (candidates.length > 1) {
      const field = byId.length ? "employeeId" : "email";
      problems.push({
        column: column(field),
        message: `${candidates.length} contacts in the directory have this ${FIELD_LABELS[field]}; make them unique first.`,
      });
    } else match = candidates[0];

    const key = match
      ? `contact:${match.id}`
      : r.cells.employeeId
        ? `employeeId:${r.cells.employeeId.toLowerCase()}`
        : r.cells.email
          ? `email:${r.cells.email.toLowerCase()}`
          : null;
    if (key && firstRowOf.has(key)) {
      const field = r.cells.employeeId ? "employeeId" : "email";
      const first = firstRowOf.get(key)!;
      counts.duplicates++;
      return {
        row: r.row,
        outcome: "duplicate",
        problems: [
          ...problems,
          {
            column: column(field),
            message:
              match && !key.startsWith(field)
                ? `Row ${first} matches the same contact.`
                : `Same ${FIELD_LABELS[field]} as row ${first}.`,
          },
        ],
      };
    }
    if (key) firstRowOf.set(key, r.row);

    const fields = {
      firstName: r.cells.firstName,
      lastName: r.cells.lastName,
      email: r.cells.email,
      phone: r.cells.phone,
      jobTitle: r.cells.jobTitle,
      employeeId: r.cells.employeeId,
      classification: r.cells.classification,
      isEmployee,
    };
    const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const parsed = (match ? updateSchema : contactFieldsSchema).safeParse(present);
    if (!parsed.success) {
      // A cell already reported (a NUL refused above) is not reported twice.
      const reported = new Set(problems.map((p) => p.column));
      for (const issue of parsed.error.issues) {
        const field = (issue.path[0] as ImportField | undefined) ?? "firstName";
        if (!reported.has(column(field))) problems.push({ column: column(field), message: issue.message });
      }
    }
    const matchInfo = match && { id: match.id, name: `${match.firstName} ${match.lastName}`, status: match.status };
    if (problems.length || !parsed.success) {
      counts.invalid++;
      return { row: r.row, outcome: "invalid", ...(matchInfo && { match: matchInfo }), problems };
    }
    const values = parsed.data;

    if (!match) {
      counts.create++;
      writes.creates.push({
        row: r.row,
        values: { ...NO_VALUES, ...values } as PlanWrites["creates"][number]["values"],
        vendor,
        projectIds: [...joinIds],
      });
      const joins = [...joinIds].map((id) => projectNames.get(id) ?? id);
      return { row: r.row, outcome: "create", ...(joins.length && { joins }), problems };
    }
    if (input.onMatch === "skip") {
      counts.skip++;
      return { row: r.row, outcome: "skip", match: matchInfo!, reason: `matches ${matchInfo!.name}`, problems };
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const patch: PlanWrites["updates"][number]["patch"] = {};
    for (const [field, to] of Object.entries(values) as [Exclude<ContactField, "vendorId">, unknown][]) {
      if (to === undefined || to === null || match[field] === to) continue;
      // The Employee ID the row matched by is the same ID, whatever its case.
      if (field === "employeeId" && String(to).toLowerCase() === match.employeeId?.toLowerCase()) continue;
      changes[field] = { from: match[field], to };
      (patch as Record<string, unknown>)[field] = to;
    }
    const currentVendor = match.vendorId ? (vendorNames.get(match.vendorId) ?? null) : null;
    const vendorChanges = vendor !== null && vendor !== currentVendor;
    if (vendorChanges) changes.vendor = { from: currentVendor, to: vendor };
    const joins = [...joinIds]
      .map((projectId) => ({
        projectId,
        from: match.memberships.find((m) => m.projectId === projectId)?.status ?? null,
      }))
      .filter((j) => j.from === null || j.from === "REMOVED");
    if (joins.length === 0 && Object.keys(changes).length === 0) {
      counts.unchanged++;
      return { row: r.row, outcome: "unchanged", match: matchInfo!, problems };
    }
    counts.update++;
    writes.updates.push({
      row: r.row,
      contactId: match.id,
      status: match.status,
      patch,
      vendor: vendorChanges ? vendor : null,
      before: pickValues(match),
      joins,
    });
    const joined = joins.map((j) => projectNames.get(j.projectId) ?? j.projectId);
    return {
      row: r.row,
      outcome: "update",
      match: matchInfo!,
      changes,
      ...(joined.length && { joins: joined }),
      problems,
    };
  });
  writes.newVendors = [...newVendors.values()];
  return { rows, counts, writes, newVendors: writes.newVendors };
}

/** The rows a plan creates, as the duplicate rules compare them (companies by id when known, and by name). */
export function newRowsOf(plan: Plan, vendors: KnownVendor[]): NewRow[] {
  const ids = new Map(vendors.filter((v) => v.status === "ACTIVE").map((v) => [vendorKey(v.name), v.id]));
  return plan.writes.creates.map((c) => ({
    row: c.row,
    firstName: c.values.firstName,
    lastName: c.values.lastName,
    email: c.values.email,
    phone: c.values.phone,
    employeeId: c.values.employeeId,
    vendorId: c.vendor === null ? null : (ids.get(vendorKey(c.vendor)) ?? null),
    vendorKey: c.vendor === null ? null : vendorKey(c.vendor),
  }));
}

/**
 * Marks each new row that is probably a contact already there (or an earlier row) with
 * whom and why, and skips those the user chose to skip (per row, else for all flagged
 * rows): their creates leave the writes, and they count as skipped. Pure.
 */
export function flagProbableDuplicates(
  plan: Plan,
  found: RowDuplicate[],
  { onDuplicate = "import", duplicateRows = {} }: Pick<PlanInput, "onDuplicate" | "duplicateRows">,
): Plan {
  const byRow = new Map<number, DuplicateOf[]>();
  for (const f of found) {
    const text = describeReasons(f.reasons);
    const of: DuplicateOf = f.contact
      ? { contact: f.contact, reasons: f.reasons, text }
      : { row: f.ofRow, reasons: f.reasons, text };
    byRow.set(f.row, [...(byRow.get(f.row) ?? []), of]);
  }
  if (byRow.size === 0) return plan;
  const counts = { ...plan.counts };
  const skipped = new Set<number>();
  const rows = plan.rows.map((r): PlannedRow => {
    const of = r.outcome === "create" ? byRow.get(r.row) : undefined;
    if (!of) return r;
    counts.probableDuplicates++;
    const choice = duplicateRows[String(r.row)] ?? onDuplicate;
    if (choice === "import") return { ...r, probableDuplicate: { choice, of } };
    skipped.add(r.row);
    counts.create--;
    counts.skip++;
    const first = of[0]!;
    const whom = first.contact ? first.contact.name : `row ${first.row}`;
    return {
      row: r.row,
      outcome: "skip",
      reason: `probably ${whom} (${first.text.toLowerCase()})`,
      problems: r.problems,
      probableDuplicate: { choice, of },
    };
  });
  const creates = plan.writes.creates.filter((c) => !skipped.has(c.row));
  // A new company that only skipped rows named is not created.
  const kept = new Set([...creates.map((c) => c.vendor), ...plan.writes.updates.map((u) => u.vendor)]);
  const dropped = new Set(
    plan.writes.creates
      .filter((c) => skipped.has(c.row) && c.vendor !== null && !kept.has(c.vendor))
      .map((c) => c.vendor),
  );
  const newVendors = plan.writes.newVendors.filter((v) => !dropped.has(v));
  return { rows, counts, writes: { ...plan.writes, creates, newVendors }, newVendors };
}

const NO_VALUES = {
  email: null,
  phone: null,
  jobTitle: null,
  employeeId: null,
  classification: null,
  isEmployee: false,
};

function pickValues(c: ExistingContact): ContactValues {
  return Object.fromEntries(CONTACT_FIELDS.map((f) => [f, c[f]])) as ContactValues;
}

function groupBy<T>(items: T[], key: (item: T) => string | null | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
}
