import type { HistoryItem } from "@/server/history/list-history";
import { describeChange } from "../describe-change";
import { actionLabel, type HistoryAction } from "@/shared/history-events";

/** The badge's colours; a kind of event not listed here gets a plain one. */
const BADGE: Partial<Record<HistoryAction, string>> = {
  "contact.created": "bg-blue-50 text-blue-800",
  "contact.inactivated": "bg-slate-200 text-slate-800",
  "contact.reactivated": "bg-green-100 text-green-800",
  "contact.added_to_project": "bg-blue-50 text-blue-800",
  "contact.removed_from_project": "bg-red-50 text-red-800",
  "contact.imported": "bg-blue-50 text-blue-800",
  "contact.updated_by_import": "bg-slate-100 text-slate-700",
  "contact.merged": "bg-violet-50 text-violet-800",
  "contact.merged_into": "bg-violet-50 text-violet-800",
  "batch.undone": "bg-amber-50 text-amber-800",
};

export function ActionBadge({ action }: { action: HistoryAction }) {
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${BADGE[action] ?? "bg-slate-100 text-slate-700"}`}
    >
      {actionLabel(action)}
    </span>
  );
}

export function formatWhen(at: Date): string {
  return at.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

/** One entry of a contact's timeline: what, who, when, why; an entry of a contact merged into this one says so. */
export function HistoryEntry({
  item,
  projectNames,
  contactId,
}: {
  item: HistoryItem;
  projectNames: ReadonlyMap<string, string>;
  /** The timeline's contact: another contact's entry is one merged from it. */
  contactId?: string;
}) {
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {contactId && item.contact.id !== contactId && (
          <span className="rounded-full bg-violet-50 px-2 py-0.5 text-xs font-medium text-violet-800">
            Merged from {item.contact.name}
          </span>
        )}
        <ActionBadge action={item.action} />
        <span>{describeChange(item, projectNames)}</span>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {item.actor.name}
        {item.actor.email && ` (${item.actor.email})`} ·{" "}
        <time dateTime={item.at.toISOString()}>{formatWhen(item.at)}</time>
      </p>
      {item.reason && <p className="mt-1 text-sm text-slate-700">Reason: {item.reason}</p>}
    </li>
  );
}
