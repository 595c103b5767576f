import Link from "next/link";
import { TableScroll } from "@/components/ui/table-scroll";
import type { HistoryItem } from "@/server/history/list-history";
import { describeChange } from "../describe-change";
import { historySearch } from "../search-params";
import { HISTORY_ACTIONS, actionLabel } from "@/shared/history-events";
import type { HistoryFilters } from "@/shared/history-filters";
import { ActionBadge, formatWhen } from "./history-entry";
import { Button, buttonClass } from "@/components/ui/button";
import { UndoChangeButton } from "./undo-change-button";

type Props = {
  companyId: string;
  filters: HistoryFilters;
  page: number;
  pageCount: number;
  total: number;
  items: HistoryItem[];
  projectNames: ReadonlyMap<string, string>;
  people: { id: string; name: string }[];
  /** The batches on this page that may still be undone: Undo shows on each one's first row. */
  undoable: ReadonlySet<string>;
};

const field = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/**
 * The company's Change History: who changed which contact, when and why, newest first.
 * The filters are a plain GET form, so the URL holds them (bookmarkable, shareable, and
 * working before any JavaScript loads); the export takes the same filters.
 */
export function ChangeHistoryView({
  companyId,
  filters,
  page,
  pageCount,
  total,
  items,
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
            Every change to the directory&apos;s contacts: who made it, when, and why.
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
          Action
          <select name="action" defaultValue={filters.action ?? ""} className={field}>
            <option value="">All actions</option>
            {HISTORY_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
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

      {items.length === 0 ? (
        <p className="mt-2 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          {filtered ? "No changes match these filters." : "No changes recorded yet."}
        </p>
      ) : (
        <TableScroll label="Change History table" className="mt-2">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Change History</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  When
                </th>
                <th scope="col" className="px-3 py-2">
                  Contact
                </th>
                <th scope="col" className="px-3 py-2">
                  Action
                </th>
                <th scope="col" className="px-3 py-2">
                  Change
                </th>
                <th scope="col" className="px-3 py-2">
                  By
                </th>
                <th scope="col" className="px-3 py-2">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((item, i) => (
                <tr key={item.id} className="align-top">
                  <td className="px-3 py-2 whitespace-nowrap text-slate-600">
                    <time dateTime={item.at.toISOString()}>{formatWhen(item.at)}</time>
                  </td>
                  <td className="px-3 py-2">
                    <Link
                      href={`/companies/${companyId}/contacts/${item.contact.id}`}
                      className="font-medium hover:underline"
                    >
                      {item.contact.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <ActionBadge action={item.action} />
                  </td>
                  <td className="px-3 py-2">
                    {describeChange(item, projectNames)}
                    {undoable.has(item.batchId) && items.findIndex((other) => other.batchId === item.batchId) === i && (
                      <span className="block">
                        <UndoChangeButton
                          companyId={companyId}
                          batchId={item.batchId}
                          what={`the change of ${formatWhen(item.at)} by ${item.actor.name}`}
                        />
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {item.actor.name}
                    {item.actor.email && <span className="block text-xs text-slate-500">{item.actor.email}</span>}
                  </td>
                  <td className="px-3 py-2 text-slate-700">
                    {item.reason ?? <span className="text-slate-400">—</span>}
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
