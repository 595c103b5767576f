import Link from "next/link";
import { TableScroll } from "@/components/ui/table-scroll";
import type { HistoryBatch } from "@/server/history/list-history-batches";
import type { CompanyHistoryEntry } from "@/server/history/list-history-events";
import { countPhrase, describeEntry, entryLabel, entrySubject } from "../describe-entry";
import { historySearch } from "../search-params";
import type { HistoryAction } from "@/shared/history-events";
import {
  HISTORY_RECORD_ACTIONS,
  HISTORY_RECORD_LABELS,
  HISTORY_RECORDS,
  type CompanyHistoryAction,
  type HistoryFilters,
} from "@/shared/history-filters";
import { BatchContacts } from "./batch-contacts";
import { ActionBadge, formatWhen } from "./history-entry";
import { LocalTime } from "./local-time";
import { Button, buttonClass } from "@/components/ui/button";
import { HISTORY_TABLE_ID } from "./history-table-id";
import { UndoChangeButton } from "./undo-change-button";

type Props = {
  companyId: string;
  filters: HistoryFilters;
  page: number;
  pageCount: number;
  total: number;
  batches: HistoryBatch[];
  /** The one event of each batch that changed a single record: its row names the record and says what changed. */
  singles: ReadonlyMap<string, CompanyHistoryEntry>;
  projectNames: ReadonlyMap<string, string>;
  people: { id: string; name: string }[];
  /** The batches on this page that may still be undone. */
  undoable: ReadonlySet<string>;
};

const field = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/**
 * The company's Change History, one row per change (batch): who did what to how many
 * contacts, companies or users, when and why, newest first; a row opens to its contacts.
 * The filters are a plain GET form, so the URL holds them (bookmarkable, shareable, and
 * working before any JavaScript loads); the export takes the same filters.
 */
export function ChangeHistoryView({
  companyId,
  filters,
  page,
  pageCount,
  total,
  batches,
  singles,
  projectNames,
  people,
  undoable,
}: Props) {
  const base = `/companies/${companyId}/history`;
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Change History</h1>
          <p className="mt-1 text-sm text-slate-600">
            Every change to the directory&apos;s contacts, companies and users: who made it, when, and why.
          </p>
        </div>
        <a href={`${base}/export${historySearch(filters)}`} className={buttonClass("secondary", "bg-white")} download>
          Export CSV
        </a>
      </div>

      <form
        role="search"
        aria-label="Filter the history"
        action={base}
        className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <label className="text-sm font-medium">
          Record
          <select name="record" defaultValue={filters.record ?? ""} className={field}>
            <option value="">All records</option>
            {HISTORY_RECORDS.map((r) => (
              <option key={r} value={r}>
                {HISTORY_RECORD_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Action
          <select name="action" defaultValue={filters.action ?? ""} className={field}>
            <option value="">All actions</option>
            {(filters.record ? [filters.record] : HISTORY_RECORDS).map((r) => (
              <optgroup key={r} label={HISTORY_RECORD_LABELS[r]}>
                {(HISTORY_RECORD_ACTIONS[r] as readonly CompanyHistoryAction[]).map((a) => (
                  <option key={a} value={a}>
                    {entryLabel(a)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Person
          <select name="actorId" defaultValue={filters.actorId ?? ""} className={field}>
            <option value="">Everyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          From
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={field} />
        </label>
        <label className="text-sm font-medium">
          To
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={field} />
        </label>
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        {filtered && (
          <Link href={base} className="px-1 py-2 text-sm font-medium text-brand-700 hover:underline">
            Clear filters
          </Link>
        )}
      </form>

      <p className="mt-4 text-sm text-slate-600" aria-live="polite">
        {total.toLocaleString("en-US")} {total === 1 ? "change" : "changes"}
        {filtered ? " match the filters" : ""}
      </p>

      {batches.length === 0 ? (
        <p className="mt-2 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          {filtered ? "No changes match these filters." : "No changes recorded yet."}
        </p>
      ) : (
        <TableScroll id={HISTORY_TABLE_ID} label="Change History table" className="mt-2">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Change History: one row per change, newest first</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  When
                </th>
                <th scope="col" className="px-3 py-2">
                  Change
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {batches.map((batch) => (
                <tr key={batch.id} className="align-top">
                  <td className="w-40 px-3 py-2 text-slate-600">
                    <LocalTime iso={batch.at.toISOString()} />
                  </td>
                  <td className="px-3 py-2">
                    <BatchSentence
                      companyId={companyId}
                      batch={batch}
                      single={singles.get(batch.id)}
                      names={projectNames}
                    />
                    <div className="flex flex-wrap items-center gap-x-4">
                      {undoable.has(batch.id) && (
                        <UndoChangeButton
                          companyId={companyId}
                          batchId={batch.id}
                          what={`the change of ${formatWhen(batch.at)} by ${batch.actor.name}`}
                        />
                      )}
                      {!singles.has(batch.id) && contactCount(batch) > 0 && (
                        <BatchContacts companyId={companyId} batchId={batch.id} count={contactCount(batch)} />
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      {pageCount > 1 && (
        <nav aria-label="Pagination" className="mt-3 flex items-center justify-end gap-3 text-sm">
          <span className="text-slate-600">
            Page {page.toLocaleString("en-US")} of {pageCount.toLocaleString("en-US")}
          </span>
          {page > 1 ? (
            <Link
              href={`${base}${historySearch(filters, page - 1)}`}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50"
            >
              Previous page
            </Link>
          ) : null}
          {page < pageCount ? (
            <Link
              href={`${base}${historySearch(filters, page + 1)}`}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50"
            >
              Next page
            </Link>
          ) : null}
        </nav>
      )}
    </>
  );
}

function contactCount(batch: HistoryBatch) {
  return batch.counts.reduce((sum, c) => sum + (c.record === "contacts" ? c.count : 0), 0);
}

/** Which way a change moved its contacts' project directories, by its main kind of event. */
const PROJECT_WORD: Partial<Record<CompanyHistoryAction, string>> = {
  "contact.inactivated": "off",
  "contact.reactivated": "back on",
  "contact.removed_from_project": "off",
  "batch.undone": "across",
};

/** The badge's colours for events of companies and users; a contact's come from ActionBadge. */
function EntryBadge({ action }: { action: CompanyHistoryAction }) {
  if (!action.startsWith("user.")) return <ActionBadge action={action as HistoryAction} />;
  return (
    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-slate-700">
      {entryLabel(action)}
    </span>
  );
}

/**
 * "Alex Admin · Inactivated 3 companies, Inactivated 335 contacts · off 12 project
 * directories · “reason”"; a change of one record names it and says what changed. Labels
 * come from the history's vocabulary, counts from the batch's events, so a new kind of
 * event reads right.
 */
function BatchSentence({
  companyId,
  batch,
  single,
  names,
}: {
  companyId: string;
  batch: HistoryBatch;
  single: CompanyHistoryEntry | undefined;
  names: ReadonlyMap<string, string>;
}) {
  const n = (x: number) => x.toLocaleString("en-US");
  const main = batch.counts[0];
  const contactAction = batch.counts.find((c) => c.record === "contacts")?.action;
  const parts = single
    ? [describeEntry(single, names)]
    : [
        batch.counts.map((c) => countPhrase(c.record, c.action, c.count)).join(", "),
        ...(batch.projectCount > 0
          ? [
              `${(contactAction && PROJECT_WORD[contactAction]) ?? "on"} ${n(batch.projectCount)} ${batch.projectCount === 1 ? "project directory" : "project directories"}`,
            ]
          : []),
      ];
  const subject = single && entrySubject(single, companyId);
  return (
    <p>
      {main && (
        <>
          <EntryBadge action={main.action} />{" "}
        </>
      )}
      <span className="font-medium">{batch.actor.name}</span>
      {subject && (
        <>
          {" · "}
          {subject.href ? (
            <Link href={subject.href} className="font-medium hover:underline">
              {subject.name}
            </Link>
          ) : (
            <span className="font-medium">{subject.name}</span>
          )}
        </>
      )}
      {parts.map((part) => ` · ${part}`).join("")}
      {batch.reason && <span className="text-slate-700"> · “{batch.reason}”</span>}
    </p>
  );
}
