import { z } from "zod";
import { CONTACT_FIELD_LABELS } from "@/shared/contact-fields";
import type { DuplicateReason } from "@/shared/duplicate-reasons";

/**
 * The contact import's contract, shared by the wizard and the server: which fields a
 * column can go to, how headers are guessed, how a full name splits, and the limits.
 * Client-safe: no server imports.
 */

/** The fields a column can be mapped to, named as in the contact JSON (plus fullName, which is split). */
export const IMPORT_FIELDS = [
  "firstName",
  "lastName",
  "fullName",
  "email",
  "phone",
  "jobTitle",
  "employeeId",
  "classification",
  "isEmployee",
  "vendor",
  "projects",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A column not imported. */
export const SKIP_COLUMN = "skip";
export type ColumnTarget = ImportField | typeof SKIP_COLUMN;

export const FIELD_LABELS: Record<ImportField, string> = {
  firstName: CONTACT_FIELD_LABELS.firstName,
  lastName: CONTACT_FIELD_LABELS.lastName,
  fullName: "Full name",
  email: CONTACT_FIELD_LABELS.email,
  phone: CONTACT_FIELD_LABELS.phone,
  jobTitle: CONTACT_FIELD_LABELS.jobTitle,
  employeeId: CONTACT_FIELD_LABELS.employeeId,
  classification: CONTACT_FIELD_LABELS.classification,
  isEmployee: CONTACT_FIELD_LABELS.isEmployee,
  vendor: CONTACT_FIELD_LABELS.vendorId,
  projects: "Projects",
};

export const IMPORT_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 200,
} as const;

/** What a header is compared as: lower case, without spaces, underscores, dashes or dots. */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s_.\-/]+/g, "")
    .replace(/(number|no)$/, "#");
}

// Listed as people write them; compared normalised. The first column that matches a field gets it.
const SYNONYMS: Record<ImportField, string[]> = {
  firstName: ["First name", "Given name", "Forename", "First", "Firstname", "Vorname", "Prénom"],
  lastName: ["Last name", "Surname", "Family name", "Last", "Lastname", "Nachname", "Nom"],
  fullName: ["Full name", "Name", "Employee name", "Worker name", "Contact name", "Contact", "Worker", "Employee"],
  email: ["Email", "E-mail", "Email address", "E-mail address", "Mail", "Work email"],
  phone: ["Phone", "Mobile", "Cell", "Telephone", "Tel", "Phone number", "Mobile phone", "Cell phone", "Mobile number"],
  jobTitle: ["Job title", "Title", "Trade", "Position", "Role", "Craft", "Job"],
  employeeId: [
    "Employee ID",
    "Badge",
    "Badge #",
    "Badge number",
    "Badge ID",
    "Employee #",
    "Employee number",
    "Emp ID",
    "Emp #",
    "Payroll ID",
    "Worker ID",
    "ID",
  ],
  classification: ["Classification", "Work classification", "Class", "Union class", "Pay class", "Craft class"],
  isEmployee: ["Employee of our company", "Is employee", "Our employee", "Own employee", "In-house", "Direct hire"],
  vendor: ["Company", "Vendor", "Sub", "Subcontractor", "Employer", "Company name", "Vendor name", "Firm", "Firma"],
  projects: ["Projects", "Project", "Project name", "Project #", "Sites", "Site", "Jobs"],
};

const BY_HEADER: ReadonlyMap<string, ImportField> = new Map(
  IMPORT_FIELDS.flatMap((field) => SYNONYMS[field].map((synonym) => [normalizeHeader(synonym), field] as const)),
);

/**
 * A guess of each column's field from its header. Each field goes to one column at most
 * (the first), and a Full name column is only used when first and last name are not both there.
 */
export function guessMapping(headers: readonly string[]): ColumnTarget[] {
  const taken = new Set<ImportField>();
  const guessed = headers.map((header): ColumnTarget => {
    const field = BY_HEADER.get(normalizeHeader(header));
    if (!field || taken.has(field)) return SKIP_COLUMN;
    taken.add(field);
    return field;
  });
  if (taken.has("fullName") && taken.has("firstName") && taken.has("lastName")) {
    return guessed.map((target) => (target === "fullName" ? SKIP_COLUMN : target));
  }
  return guessed;
}

/** How a Full name column reads: "Mary Ann Smith" (last word is the last name) or "Smith Mary Ann". */
export const NAME_ORDERS = ["first-last", "last-first"] as const;
export type NameOrder = (typeof NAME_ORDERS)[number];

/**
 * Splits a full name. "Smith, Mary Ann" always reads last name first; otherwise the
 * order decides. A single word becomes the last name, so the row asks for a first name.
 */
export function splitFullName(
  fullName: string,
  order: NameOrder = "first-last",
): { firstName: string; lastName: string } {
  const clean = fullName.trim().replace(/\s+/g, " ");
  const comma = clean.indexOf(",");
  if (comma >= 0) {
    return { lastName: clean.slice(0, comma).trim(), firstName: clean.slice(comma + 1).trim() };
  }
  const words = clean.split(" ").filter(Boolean);
  if (words.length <= 1) return { firstName: "", lastName: words[0] ?? "" };
  return order === "first-last"
    ? { firstName: words.slice(0, -1).join(" "), lastName: words.at(-1)! }
    : { lastName: words[0]!, firstName: words.slice(1).join(" ") };
}

/** What the user chooses before the import runs: the API's form fields and the wizard's Review step. */
export const ON_MATCH = ["skip", "update"] as const;
export type OnMatch = (typeof ON_MATCH)[number];

/** A new row that is probably a contact the directory already has (or an earlier row): import it anyway, or skip it. */
export const ON_DUPLICATE = ["import", "skip"] as const;
export type OnDuplicate = (typeof ON_DUPLICATE)[number];
/** The choice for all flagged rows, and per row (the row number as in the file) where it differs. */
export const duplicateRowsSchema = z.record(z.string().regex(/^[1-9][0-9]{0,6}$/), z.enum(ON_DUPLICATE));
export type DuplicateRows = z.output<typeof duplicateRowsSchema>;

export const DELIMITERS = { ",": "Comma", ";": "Semicolon", "\t": "Tab" } as const;
export type Delimiter = keyof typeof DELIMITERS;

/** The text encodings a CSV file is read in: detected, and the user's to correct. */
export const TEXT_ENCODINGS = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (little-endian)",
  "utf-16be": "UTF-16 (big-endian)",
  "windows-1252": "Windows-1252 (Western European)",
} as const;
export type TextEncoding = keyof typeof TEXT_ENCODINGS;

/** A mapping as the API takes it: header → field name (or "skip"). */
export const mappingSchema = z.record(
  z.string(),
  z.enum([...IMPORT_FIELDS, SKIP_COLUMN], {
    error: `Map each header to one of ${[...IMPORT_FIELDS, SKIP_COLUMN].join(", ")}.`,
  }),
);

/** Counts of a plan, as the Review step and the API's answer give them. */
export type ImportCounts = {
  create: number;
  update: number;
  unchanged: number;
  skip: number;
  invalid: number;
  duplicates: number;
  /** New rows that are probably a contact already in the directory or an earlier row (imported or skipped, as chosen). */
  probableDuplicates: number;
};

export type RowOutcome = "create" | "update" | "unchanged" | "skip" | "invalid" | "duplicate";

export type CellProblem = { row: number; column: string; message: string };

/** One row of the plan, numbered as in the file (the header is row 1). */
export type PlannedRow = {
  row: number;
  outcome: RowOutcome;
  /** The existing contact the row matched, if any. */
  match?: { id: string; name: string; status: "ACTIVE" | "INACTIVE" };
  /** For updates: field → { from, to }; the company (vendor) by name. */
  changes?: Record<string, { from: unknown; to: unknown }>;
  /** Projects the contact joins. */
  joins?: string[];
  problems: { column: string; message: string }[];
  /** Why a row is skipped, for outcome "skip". */
  reason?: string;
  /**
   * A new row that is probably someone already there: who (an existing contact, or an
   * earlier row of the file), why in words, and whether the row is imported anyway.
   */
  probableDuplicate?: { choice: OnDuplicate; of: DuplicateOf[] };
};

/** Whom a new row probably duplicates: an existing contact or an earlier row, with the reasons (codes and words). */
export type DuplicateOf = { reasons: DuplicateReason[]; text: string } & (
  | { contact: { id: string; name: string; status: "ACTIVE" | "INACTIVE" }; row?: undefined }
  | { row: number; contact?: undefined }
);
