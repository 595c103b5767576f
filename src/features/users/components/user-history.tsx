import { LEVEL_LABELS } from "@/server/permissions/levels";
import type { UserHistoryItem } from "@/server/users/list-user-history";
import { USER_EVENT_INFO } from "@/shared/history-events";

const format = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const level = (l: keyof typeof LEVEL_LABELS | null) => (l ? LEVEL_LABELS[l] : "the company level");

/** One line a person reads for a change to a user. */
export function describeUserChange(item: UserHistoryItem, projectNames: ReadonlyMap<string, string>): string {
  switch (item.action) {
    case "user.invited":
      return `Invited as ${item.changes.email}, at ${LEVEL_LABELS[item.changes.level]}`;
    case "user.added":
      return `Added at ${LEVEL_LABELS[item.changes.level]} (already had a Rollcall login)`;
    case "user.joined":
      return `Accepted the invitation, at ${LEVEL_LABELS[item.changes.level]}`;
    case "user.invitation_revoked":
      return "Invitation revoked";
    case "user.level_changed": {
      const where = item.changes.projectId
        ? `${projectNames.get(item.changes.projectId) ?? "a project"} Directory`
        : "Company Directory";
      return `${where}: ${level(item.changes.level.from)} → ${level(item.changes.level.to)}`;
    }
    case "user.inactivated":
      return "Inactivated";
    case "user.reactivated":
      return "Reactivated, with the permissions they had";
  }
}

/** The Change History's users section: who was invited, added, changed, inactivated, reactivated. */
export function UserHistory({
  items,
  projectNames,
}: {
  items: UserHistoryItem[];
  projectNames: ReadonlyMap<string, string>;
}) {
  return (
    <section aria-labelledby="user-changes" className="mt-8 space-y-3">
      <h2 id="user-changes" className="text-lg font-semibold">
        User changes
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">No changes to users yet.</p>
      ) : (
        <ul aria-label="User changes" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {items.map((item) => (
            <li key={item.id} className="px-4 py-3 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
                  {USER_EVENT_INFO[item.action].label}
                </span>
                <span className="font-medium text-slate-900">{item.user.name}</span>
                <span>{describeUserChange(item, projectNames)}</span>
              </p>
              <p className="mt-1 text-xs text-slate-500">
                {item.actor.name} · <time dateTime={item.at.toISOString()}>{format.format(item.at)} UTC</time>
                {item.reason && ` · Reason: ${item.reason}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
