import "server-only";
import { CsvError, parse } from "csv-parse/sync";
import * as XLSX from "@e965/xlsx";
import { DomainError } from "@/server/errors";
import { IMPORT_LIMITS, type CellProblem, type Delimiter } from "@/shared/import/fields";
import { decodeText, detectDelimiter, type TextEncoding } from "./decode-text";

export type Spreadsheet = {
  kind: "csv" | "xlsx";
  /** CSV: how the text was read and split (detected unless given). */
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  /** XLSX: every sheet's name, and the one read. */
  sheets?: string[];
  sheet?: string;
  headers: string[];
  /** The data rows (row 2 onwards), each as long as the header, cells as text. */
  rows: string[][];
};

export type ReadOptions = { delimiter?: Delimiter; encoding?: TextEncoding; sheet?: string };

/** A problem with the file itself (or its mapping): nothing can be imported until it is fixed. */
export class FileProblemError extends DomainError {
  constructor(
    message: string,
    readonly rows: CellProblem[] = [],
  ) {
    super("invalid", message, { rows });
    this.name = "FileProblemError";
  }
}

export const fileProblem = (message: string, rows: CellProblem[] = []) => new FileProblemError(message, rows);

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Reads an uploaded CSV or Excel file into a header and rows of text. Excel cells are
 * read as the text their cached value shows; formulas are never evaluated. Refuses, with
 * a message saying what to do, a file that is empty, too large, not a spreadsheet, has
 * no data rows, or more rows or columns than an import takes.
 */
export function readSpreadsheet(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Spreadsheet {
  if (bytes.length === 0)
    throw fileProblem(`${fileName} is empty. Choose a CSV or Excel file with a header row and one row per person.`);
  if (bytes.length > IMPORT_LIMITS.maxBytes) {
    throw fileProblem(
      `${fileName} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; an import takes at most ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB. Split the file.`,
    );
  }
  const other = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (other) throw fileProblem(`${fileName} is ${other.what}, not a spreadsheet. Choose a CSV or Excel (.xlsx) file.`);
  const sheet =
    startsWith(bytes, ZIP) || startsWith(bytes, OLE)
      ? readWorkbook(bytes, fileName, options.sheet)
      : readCsv(bytes, fileName, options.delimiter, options.encoding);
  return checkShape(sheet, fileName);
}

function readCsv(bytes: Uint8Array, fileName: string, chosen?: Delimiter, chosenEncoding?: TextEncoding): Spreadsheet {
  const { text, encoding } = decodeText(bytes, chosenEncoding);
  if (looksBinary(text)) throw fileProblem(`${fileName} is not a text file. Choose a CSV or Excel (.xlsx) file.`);
  const delimiter = chosen ?? detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 1024 * 1024,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const row = (error as CsvError & { records?: number }).records ?? 0;
      throw fileProblem(`${fileName} could not be read at row ${row + 1}: ${csvMessage(error)}`, [
        { row: row + 1, column: "", message: csvMessage(error) },
      ]);
    }
    throw error;
  }
  const [header = [], ...rows] = records;
  return { kind: "csv", encoding, delimiter, headers: header, rows };
}

function csvMessage(error: CsvError): string {
  if (error.code === "CSV_QUOTE_NOT_CLOSED") return "a quoted field is never closed; check the quotes on this row.";
  if (error.code === "CSV_INVALID_CLOSING_QUOTE")
    return 'a quote inside a field is not doubled; write "" for a quote inside quotes.';
  if (error.code === "CSV_MAX_RECORD_SIZE") return "a row is over 1 MB; check for a missing closing quote.";
  return error.message;
}

/** Text decoded from a binary file is full of control characters. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return control > Math.max(8, sample.length * 0.05);
}

function readWorkbook(bytes: Uint8Array, fileName: string, chosen?: string): Spreadsheet {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: "array",
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      // One more than allowed, so "too many rows" is known without reading them all.
      sheetRows: IMPORT_LIMITS.maxRows + 2,
      sheets: chosen,
    });
  } catch {
    throw fileProblem(`${fileName} could not be read as an Excel workbook. Save it again as .xlsx or CSV and retry.`);
  }
  const sheets = workbook.SheetNames;
  const sheet = chosen ?? sheets[0];
  if (!sheet || !workbook.Sheets[sheet]) {
    throw fileProblem(
      chosen
        ? `${fileName} has no sheet named "${chosen}". Its sheets: ${sheets.join(", ")}.`
        : `${fileName} has no sheets.`,
    );
  }
  const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[sheet], {
    header: 1,
    raw: false,
    defval: "",
    blankrows: true,
  });
  const text = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? "" : String(cell))));
  const [header = [], ...data] = text;
  return { kind: "xlsx", sheets, sheet, headers: header, rows: data };
}

function checkShape(sheet: Spreadsheet, fileName: string): Spreadsheet {
  const headers = sheet.headers.map((h) => h.trim());
  while (headers.length && headers.at(-1) === "") headers.pop();
  if (headers.length === 0)
    throw fileProblem(`${fileName} has no header row. Put the column names (First name, Last name, …) in row 1.`);
  if (headers.length > IMPORT_LIMITS.maxColumns) {
    throw fileProblem(
      `${fileName} has ${headers.length.toLocaleString("en-US")} columns; an import reads at most ${IMPORT_LIMITS.maxColumns}. Delete the columns you do not need.`,
    );
  }
  const problems: CellProblem[] = [];
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    const column = columnName(i);
    if (h.includes("\0")) problems.push({ row: 1, column, message: "Remove the NUL character from this header." });
    else if (h === "")
      problems.push({ row: 1, column, message: `Column ${column} has data but no header; name it or delete it.` });
    else if (seen.has(h.toLowerCase()))
      problems.push({ row: 1, column: h, message: `Two columns are named "${h}"; rename one.` });
    seen.set(h.toLowerCase(), i);
  });
  if (problems.length) throw fileProblem(`${fileName}: ${problems[0]!.message}`, problems);
  let rows = sheet.rows.map((row) => headers.map((_, i) => (row[i] ?? "").trim()));
  // Blank rows at the end are what spreadsheets leave behind; those in between are reported as skipped later.
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.every((c) => c === "")) end--;
  rows = rows.slice(0, end);
  if (rows.length === 0)
    throw fileProblem(`${fileName} has a header row but no people. Add one row per person under the header.`);
  if (rows.length > IMPORT_LIMITS.maxRows) {
    throw fileProblem(
      `${fileName} has more than ${IMPORT_LIMITS.maxRows.toLocaleString("en-US")} rows; an import takes at most ${IMPORT_LIMITS.maxRows.toLocaleString("en-US")}. Split the file.`,
    );
  }
  return { ...sheet, headers, rows };
}

/** A spreadsheet column's letter name: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
