import type { CompanyHistoryEntry } from "@/server/history/list-history-events";
import { describeUserChange } from "@/features/users/components/user-history";
import { actionLabel, USER_EVENT_INFO, type UserEventAction, type VendorHistoryAction } from "@/shared/history-events";
import { historyRecordOf, type CompanyHistoryAction, type HistoryRecord } from "@/shared/history-filters";
import { VENDOR_FIELD_LABELS } from "@/shared/vendor-fields";
import { describeChange } from "./describe-change";

const isUserAction = (action: CompanyHistoryAction): action is UserEventAction => historyRecordOf(action) === "users";

/** How an action reads in the Change History's filter and badges: each distinct across the three kinds of record. */
export function entryLabel(action: CompanyHistoryAction): string {
  if (!isUserAction(action)) return actionLabel(action);
  const label = USER_EVENT_INFO[action].label;
  return `User ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/** A company's events as a verb of a count: "Inactivated 3 companies". */
const VENDOR_VERB: Record<VendorHistoryAction, string> = {
  "vendor.created": "Created",
  "vendor.updated": "Edited",
  "vendor.inactivated": "Inactivated",
  "vendor.reactivated": "Reactivated",
  "vendor.merged": "Merged away",
  "vendor.merged_into": "Kept in a merge",
  "vendor.undone": "Undid the change of",
};

const NOUN: Record<HistoryRecord, [string, string]> = {
  contacts: ["contact", "contacts"],
  companies: ["company", "companies"],
  users: ["user", "users"],
};

/** "Inactivated 335 contacts", "Inactivated 3 companies", "Inactivated 2 users". */
export function countPhrase(record: HistoryRecord, action: CompanyHistoryAction, count: number): string {
  const verb = isUserAction(action)
    ? USER_EVENT_INFO[action].label
    : record === "companies"
      ? VENDOR_VERB[action as VendorHistoryAction]
      : actionLabel(action);
  return `${verb} ${count.toLocaleString("en-US")} ${NOUN[record][count === 1 ? 0 : 1]}`;
}

function value(v: unknown): string {
  return v === null || v === undefined || v === "" ? "—" : String(v);
}

/** One line a person reads for an entry of any kind of record. */
export function describeEntry(entry: CompanyHistoryEntry, projectNames: ReadonlyMap<string, string>): string {
  switch (entry.record) {
    case "contacts":
      return describeChange(entry, projectNames);
    case "users":
      return describeUserChange(entry, projectNames);
    case "companies": {
      const fields = (changes: Record<string, { from: unknown; to: unknown }>) =>
        Object.entries(changes)
          .map(
            ([f, c]) =>
              `${VENDOR_FIELD_LABELS[f as keyof typeof VENDOR_FIELD_LABELS] ?? f}: ${value(c.from)} → ${value(c.to)}`,
          )
          .join("; ");
      switch (entry.action) {
        case "vendor.updated":
          return fields(entry.changes) || "Edited";
        case "vendor.merged_into": {
          const n = entry.changes.merged.length;
          return [
            `Kept in a merge of ${n === 1 ? "1 other company" : `${n} other companies`}`,
            fields(entry.changes.fields),
          ]
            .filter(Boolean)
            .join("; ");
        }
        default:
          return actionLabel(entry.action);
      }
    }
  }
}

/** Who or what an entry is about, linked where the record has a page. */
export function entrySubject(entry: CompanyHistoryEntry, companyId: string): { name: string; href?: string } {
  switch (entry.record) {
    case "contacts":
      return { name: entry.contact.name, href: `/companies/${companyId}/contacts/${entry.contact.id}` };
    case "companies":
      return { name: entry.vendor.name, href: `/companies/${companyId}/vendors/${entry.vendor.id}` };
    case "users":
      return { name: entry.user.name };
  }
}
