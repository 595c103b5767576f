import "server-only";
import { stringify } from "csv-stringify/sync";
import { log } from "@/server/log/logger";
import { Readable } from "node:stream";
import { streamContactBatches } from "@/server/contacts/stream-contacts";
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

/** The UTF-8 byte-order mark Excel needs to read the file as UTF-8. */
const BOM = "\ufeff";

/**
 * Records as CSV text, the rules every export follows: formulas defused, and a cell holding
 * a delimiter some spreadsheet splits on (, ; tab) in quotes, as well as those csv-stringify
 * quotes anyway (quotes, line breaks). Its sync API a batch at a time: a stream step per
 * record cost the export as much again as the database did.
 */
function csvText(records: readonly (readonly string[])[]): string {
  return stringify(records as string[][], { cast: { string: neutralizeFormula }, quoted_match: /[,;\t]/ });
}

/**
 * How every export writes CSV: UTF-8 with the byte-order mark Excel needs, the header,
 * then the records, one chunk a batch (csvText). A failing read (the database gone mid-export) ends the download with an error
 * instead of leaving it open forever; a browser that stops the download stops the reads.
 */
export function csvBatchStream(batches: AsyncIterable<readonly (readonly string[])[]>, columns: string[]): Readable {
  async function* text() {
    yield BOM + csvText([columns]);
    for await (const batch of batches) {
      const chunk = csvText(batch);
      if (chunk) yield chunk;
    }
  }
  const csv = Readable.from(text(), { objectMode: false });
  csv.on("error", (error) => {
    // A browser that stops the download is no failure.
    if (error.name !== "AbortError" && (error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") {
      log().error({ err: error }, "CSV export failed");
    }
  });
  return csv;
}

/** Records one at a time as a CSV stream (see csvBatchStream), written 1,000 records a chunk. */
export function csvStream(records: AsyncIterable<string[]>, columns: string[]): Readable {
  async function* batches() {
    let batch: string[][] = [];
    for await (const record of records) {
      batch.push(record);
      if (batch.length === 1000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
  return csvBatchStream(batches(), columns);
}

/** A directory tab, with its search and filters, as CSV (UTF-8 with BOM), streamed batch by batch. */
export function contactsCsv(db: Db, scope: DirectoryScope, tab: DirectoryTab, query: DirectoryQuery): Readable {
  const batches = streamContactBatches(db, { ...scope, ...directoryListing(query), status: tabStatus(tab) });
  async function* records() {
    for await (const batch of batches) {
      yield batch.map((c) => [
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
        c.createdOn,
        c.inactivatedOn ?? "",
      ]);
    }
  }
  return csvBatchStream(records(), COLUMNS);
}
