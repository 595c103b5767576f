import "server-only";
import * as XLSX from "@e965/xlsx";
import { stringify } from "csv-stringify/sync";
import { neutralizeFormula } from "@/features/contacts/export-csv";
import type { Spreadsheet } from "@/server/import/read-spreadsheet";
import { FIELD_LABELS, IMPORT_FIELDS, type PlannedRow } from "@/shared/import/fields";

// Every field the import takes, in the mapping's order, but the one-column alternative to the names.
const TEMPLATE_FIELDS = IMPORT_FIELDS.filter((field) => field !== "fullName");
const TEMPLATE_EXAMPLE = [
  "Maria",
  "Garcia",
  "maria.garcia@example.com",
  "(555) 123-4567",
  "Carpenter",
  "E-1042",
  "Journeyman",
  "Yes",
  "Acme Framing",
  "Harbor View; P-2024-07",
];

/** The template's header (the field names the headers are guessed from) and an example row. */
export function templateCsv(): string {
  return stringify([TEMPLATE_FIELDS.map((f) => FIELD_LABELS[f]), TEMPLATE_EXAMPLE], { bom: true });
}

export function templateXlsx(): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([TEMPLATE_FIELDS.map((f) => FIELD_LABELS[f]), TEMPLATE_EXAMPLE]),
    "Contacts",
  );
  return XLSX.write(book, { type: "array", bookType: "xlsx" }) as Uint8Array;
}

/**
 * The rows that cannot be imported, as the file had them, with a column saying why:
 * fixed and uploaded again, they import. Cells a spreadsheet would run as formulas are
 * neutralised like every export's.
 */
export function errorsCsv(sheet: Spreadsheet, rows: PlannedRow[]): string {
  const records = rows
    .filter((r) => r.problems.length)
    .map((r) => [
      String(r.row),
      ...sheet.rows[r.row - 2]!,
      r.problems.map((p) => `${p.column}: ${p.message}`).join(" "),
    ]);
  return stringify([["Row", ...sheet.headers, "Problem"], ...records], {
    bom: true,
    cast: { string: neutralizeFormula },
  });
}
