import "server-only";
import { Readable } from "node:stream";
import { csvStream } from "@/features/contacts/export-csv";
import type { Db } from "@/server/db/transaction";
import { streamHistoryEvents, type CompanyHistoryEntry } from "@/server/history/list-history-events";
import { projectNames } from "@/server/projects/project-names";
import { describeEntry, entryLabel, entrySubject } from "./describe-entry";
import { HISTORY_RECORD_LABELS, type HistoryFilters } from "@/shared/history-filters";

const COLUMNS = [
  "When (UTC)",
  "Record",
  "Name",
  "Action",
  "Change",
  "By",
  "By (email)",
  "By (user ID)",
  "Reason",
  "Batch",
  "Record ID",
];

function recordId(entry: CompanyHistoryEntry): string {
  return entry.record === "contacts"
    ? entry.contact.id
    : entry.record === "companies"
      ? entry.vendor.id
      : entry.user.id;
}

function projectIdsOf(entry: CompanyHistoryEntry): string[] {
  if (entry.record === "contacts") return entry.projectIds;
  return entry.record === "users" && entry.action === "user.level_changed" && entry.changes.projectId
    ? [entry.changes.projectId]
    : [];
}

/** The company's Change History with the page's filters (contacts, companies, users), as CSV (UTF-8 with BOM), streamed. */
export function historyCsv(db: Db, companyId: string, filters: HistoryFilters): Readable {
  async function* records() {
    const names = new Map<string, string>();
    for await (const entry of streamHistoryEvents(db, { companyId, ...filters })) {
      const unknown = projectIdsOf(entry).filter((id) => !names.has(id));
      if (unknown.length) for (const [id, name] of await projectNames(db, companyId, unknown)) names.set(id, name);
      yield [
        entry.at.toISOString(),
        HISTORY_RECORD_LABELS[entry.record],
        entrySubject(entry, companyId).name,
        entryLabel(entry.action),
        describeEntry(entry, names),
        entry.actor.name,
        entry.actor.email ?? "",
        entry.actor.id ?? "",
        entry.reason ?? "",
        entry.batchId,
        recordId(entry),
      ];
    }
  }
  return csvStream(records(), COLUMNS);
}
