import "server-only";
import { stringify } from "csv-stringify";
import { log } from "@/server/log/logger";
import { Readable, pipeline } from "node:stream";
import { streamContacts } from "@/server/contacts/stream-contacts";
import type { Db } from "@/server/db/transaction";
import { ORIGIN_LABELS } from "./origins";
import { tabStatus, type DirectoryQuery, type DirectoryTab } from "@/shared/directory-query";
import { directoryListing, type DirectoryScope } from "./queries";

const COLUMNS = [
  // Matches a row back to its record (and lets an import update it).
  "Contact ID",
  "First name",
  "Last name",
  "Email",
  "Phone",
  "Job title",
  "Company",
  "Employee ID",
  "Classification",
  "Employee of our company",
  "Created from",
  "Status",
  "Projects",
  "Added",
  "Inactivated",
];

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage
 * return) is prefixed with an apostrophe, so an export never executes what someone typed.
 * A spreadsheet opening the file may split cells on ";" or a tab as well as ",", so a
 * formula start after any of them is defused too ("Foreman;=2+5"), as OWASP's CSV
 * injection guidance asks.
 */
export function neutralizeFormula(value: string): string {
  return value.replace(/(^|[,;\t])(?=[=+\-@\t\r])/g, "$1'");
}

/**
 * How every export writes CSV: UTF-8 with the byte-order mark Excel needs, formulas
 * defused, and every cell holding a delimiter some spreadsheet splits on in quotes.
 */
export function spreadsheetCsv(columns: string[]) {
  return stringify({ bom: true, header: true, columns, cast: { string: neutralizeFormula }, quoted_match: /[,;\t]/ });
}

/**
 * The records as a CSV stream. A failing read (the database gone mid-export) ends the
 * download with an error instead of leaving it open forever, as `.pipe` would.
 */
export function csvStream(records: AsyncIterable<string[]>, columns: string[]): Readable {
  const csv = spreadsheetCsv(columns);
  pipeline(Readable.from(records), csv, (error) => {
    // A browser that stops the download is no failure.
    if (
      error &&
      error.name !== "AbortError" &&
      (error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE"
    ) {
      log().error({ err: error }, "CSV export failed");
    }
  });
  return csv;
}

/** A directory tab, with its search and filters, as CSV (UTF-8 with BOM), streamed batch by batch. */
export function contactsCsv(db: Db, scope: DirectoryScope, tab: DirectoryTab, query: DirectoryQuery): Readable {
  const rows = streamContacts(db, { ...scope, ...directoryListing(query), status: tabStatus(tab) });
  async function* records() {
    for await (const c of rows) {
      yield [
        c.id,
        c.firstName,
        c.lastName,
        c.email ?? "",
        c.phone ?? "",
        c.jobTitle ?? "",
        c.vendorName ?? "",
        c.employeeId ?? "",
        c.classification ?? "",
        c.isEmployee ? "Yes" : "No",
        ORIGIN_LABELS[c.origin],
        c.status === "ACTIVE" ? "Active" : "Inactive",
        c.projects ?? "",
        c.createdAt.toISOString().slice(0, 10),
        c.inactivatedAt?.toISOString().slice(0, 10) ?? "",
      ];
    }
  }
  return csvStream(records(), COLUMNS);
}
