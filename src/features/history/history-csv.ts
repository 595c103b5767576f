import "server-only";
import { Readable } from "node:stream";
import { csvStream } from "@/features/contacts/export-csv";
import type { Db } from "@/server/db/transaction";
import { streamCompanyHistory } from "@/server/history/list-history";
import { projectNames } from "@/server/projects/project-names";
import { describeChange } from "./describe-change";
import { actionLabel } from "@/shared/history-events";
import type { HistoryFilters } from "@/shared/history-filters";

const COLUMNS = [
  "When (UTC)",
  "Contact",
  "Action",
  "Change",
  "By",
  "By (email)",
  "By (user ID)",
  "Reason",
  "Batch",
  "Contact ID",
];

/** The company's Change History with the page's filters, as CSV (UTF-8 with BOM), streamed. */
export function historyCsv(db: Db, companyId: string, filters: HistoryFilters): Readable {
  async function* records() {
    const names = new Map<string, string>();
    for await (const item of streamCompanyHistory(db, { companyId, ...filters })) {
      const unknown = item.projectIds.filter((id) => !names.has(id));
      if (unknown.length) for (const [id, name] of await projectNames(db, companyId, unknown)) names.set(id, name);
      yield [
        item.at.toISOString(),
        item.contact.name,
        actionLabel(item.action),
        describeChange(item, names),
        item.actor.name,
        item.actor.email ?? "",
        item.actor.id ?? "",
        item.reason ?? "",
        item.batchId,
        item.contact.id,
      ];
    }
  }
  return csvStream(records(), COLUMNS);
}
