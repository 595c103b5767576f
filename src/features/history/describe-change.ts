import type { HistoryItem } from "@/server/history/list-history";
import { CONTACT_FIELD_LABELS } from "@/shared/contact-fields";
import { actionLabel, type HistoryAction, type HistoryEvent } from "@/shared/history-events";

const FIELD_LABELS: Record<string, string> = { ...CONTACT_FIELD_LABELS, origin: "Created from" };

function value(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  return String(v);
}

function projectList(ids: string[], projectNames: ReadonlyMap<string, string>): string {
  const names = ids.map((id) => projectNames.get(id) ?? "a project");
  return names.length ? names.join(", ") : "no project directories";
}

/**
 * One line a person reads for a history entry: what happened, to which directories, and
 * for edits which fields went from what to what.
 */
export function describeChange(
  item: HistoryEvent & Pick<HistoryItem, "projectIds">,
  projectNames: ReadonlyMap<string, string>,
): string {
  const fieldList = (fields: Record<string, { from: unknown; to: unknown }>) =>
    Object.entries(fields)
      .map(([field, c]) => `${FIELD_LABELS[field] ?? field}: ${value(c.from)} → ${value(c.to)}`)
      .join("; ");
  const projects = projectList(item.projectIds, projectNames);
  switch (item.action) {
    case "contact.created":
      return item.projectIds.length ? `Created, on ${projects}` : "Created";
    case "contact.updated":
      return fieldList(item.changes);
    case "contact.inactivated":
      return `Inactivated, off ${projects}`;
    case "contact.reactivated":
      return `Reactivated, back on ${projects}`;
    case "contact.added_to_project":
      return `${item.changes.membership.from === "REMOVED" ? "Added back to" : "Added to"} ${projects}`;
    case "contact.removed_from_project": {
      const { crewIds } = item.changes;
      return `Removed from ${projects}${crewIds.length ? ` and ${crewIds.length === 1 ? "a crew" : `${crewIds.length} crews`}` : ""}`;
    }
    case "contact.imported":
      return `Imported from row ${item.changes.row}${item.projectIds.length ? `, on ${projects}` : ""}`;
    case "contact.updated_by_import":
      return [
        `Updated by import (row ${item.changes.row})`,
        fieldList(item.changes.fields),
        item.projectIds.length && `joined ${projects}`,
      ]
        .filter(Boolean)
        .join("; ");
    case "contact.merged": {
      const n = item.changes.mergedIds.length;
      return [
        `Merged with ${n === 1 ? "1 other contact" : `${n} other contacts`}`,
        fieldList(item.changes.fields),
        item.projectIds.length && `joined ${projects}`,
      ]
        .filter(Boolean)
        .join("; ");
    }
    case "contact.merged_into":
      return "Merged into another contact";
    case "batch.undone": {
      const changes = item.changes;
      if ("discarded" in changes) {
        if (changes.discarded) return "Undone: the import that created this contact was taken back";
        return `Undone import: ${fieldList(changes.fields) || "left the project directories it joined"}`;
      }
      if ("unmerged" in changes) {
        const n = changes.unmerged.length;
        return n
          ? `Undone merge: ${n === 1 ? "1 contact" : `${n} contacts`} split back out`
          : "Undone merge: separate again";
      }
      if ("status" in changes) {
        return changes.status.to === "ACTIVE"
          ? `Undone: active again, back on ${projects}`
          : `Undone: inactive again, off ${projects}`;
      }
      if ("fields" in changes) return `Undone company merge: ${fieldList(changes.fields)}`;
      return `Undone: back on ${projects}${changes.crewIds.length ? ` and ${changes.crewIds.length === 1 ? "its crew" : "its crews"}` : ""}`;
    }
    default:
      return asLabel(item);
  }
}

/** A kind of event without a sentence of its own reads as its label. */
function asLabel(item: { action: HistoryAction }): string {
  return actionLabel(item.action);
}
