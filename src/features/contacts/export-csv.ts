import "server-only";
import { stringify } from "csv-stringify";
import { Readable } from "node:stream";
import { streamContacts } from "@/server/contacts/stream-contacts";
import type { Db } from "@/server/db/transaction";
import { ORIGIN_LABELS } from "./origins";
import { tabStatus, type DirectoryQuery, type DirectoryTab } from "@/shared/directory-query";
import { directoryListing, type DirectoryScope } from "./queries";

const COLUMNS = [
  "First name", "Last name", "Email", "Phone", "Job title", "Company", "Employee ID",
  "Classification", "Employee of our company", "Created from", "Status", "Projects", "Added", "Inactivated",
];

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage
 * return) is prefixed with an apostrophe, so an export never executes what someone typed.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A directory tab, with its search and filters, as CSV (UTF-8 with BOM), streamed batch by batch. */
export function contactsCsv(db: Db, scope: DirectoryScope, tab: DirectoryTab, query: DirectoryQuery): Readable {
  const rows = streamContacts(db, { ...scope, ...directoryListing(query), status: tabStatus(tab) });
  async function* records() {
    for await (const c of rows) {
      yield [
        c.firstName, c.lastName, c.email ?? "", c.phone ?? "", c.jobTitle ?? "", c.vendor?.name ?? "",
        c.employeeId ?? "", c.classification ?? "", c.isEmployee ? "Yes" : "No", ORIGIN_LABELS[c.origin],
        c.status === "ACTIVE" ? "Active" : "Inactive", c.memberships.map((m) => m.project.name).join("; "),
        c.createdAt.toISOString().slice(0, 10), c.inactivatedAt?.toISOString().slice(0, 10) ?? "",
      ];
    }
  }
  // Excel opens UTF-8 correctly only with a byte-order mark.
  return Readable.from(records()).pipe(
    stringify({ bom: true, header: true, columns: COLUMNS, cast: { string: neutralizeFormula } }),
  );
}
