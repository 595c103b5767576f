import type { HistoryItem } from "@/server/history/list-history";
import { ACTION_LABELS } from "./validations";

const FIELD_LABELS: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  jobTitle: "Job title",
  employeeId: "Employee ID",
  classification: "Classification",
  isEmployee: "Employee of our company",
  vendorId: "Company",
  origin: "Created from",
};

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
export function describeChange(item: Pick<HistoryItem, "action" | "projectIds" | "changes">, projectNames: ReadonlyMap<string, string>): string {
  type FromTo = { from?: unknown; to?: unknown };
  const changes = item.changes as { status?: FromTo; membership?: FromTo; crewIds?: string[]; row?: number; fields?: Record<string, FromTo>; discarded?: boolean };
  const fieldList = (fields: Record<string, FromTo> = {}) =>
    Object.entries(fields).map(([field, c]) => `${FIELD_LABELS[field] ?? field}: ${value(c.from)} → ${value(c.to)}`).join("; ");
  const projects = projectList(item.projectIds, projectNames);
  switch (item.action) {
    case "contact.created":
      return item.projectIds.length ? `Created, on ${projects}` : "Created";
    case "contact.updated":
      return Object.entries(item.changes as Record<string, FromTo>)
        .map(([field, c]) => `${FIELD_LABELS[field] ?? field}: ${value(c.from)} → ${value(c.to)}`)
        .join("; ");
    case "contact.inactivated":
      return `Inactivated, off ${projects}`;
    case "contact.reactivated":
      return `Reactivated, back on ${projects}`;
    case "contact.added_to_project":
      return `${changes.membership?.from === "REMOVED" ? "Added back to" : "Added to"} ${projects}`;
    case "contact.removed_from_project":
      return `Removed from ${projects}${changes.crewIds?.length ? ` and ${changes.crewIds.length === 1 ? "a crew" : `${changes.crewIds.length} crews`}` : ""}`;
    case "contact.imported":
      return `Imported from row ${changes.row}${item.projectIds.length ? `, on ${projects}` : ""}`;
    case "contact.updated_by_import":
      return [`Updated by import (row ${changes.row})`, fieldList(changes.fields), item.projectIds.length && `joined ${projects}`].filter(Boolean).join("; ");
    case "batch.undone": {
      if (changes.discarded) return "Undone: the import that created this contact was taken back";
      if (changes.fields) return `Undone import: ${fieldList(changes.fields) || "left the project directories it joined"}`;
      if (changes.status) {
        return changes.status.to === "ACTIVE" ? `Undone: active again, back on ${projects}` : `Undone: inactive again, off ${projects}`;
      }
      return `Undone: back on ${projects}${changes.crewIds?.length ? ` and ${changes.crewIds.length === 1 ? "its crew" : "its crews"}` : ""}`;
    }
  }
  return ACTION_LABELS[item.action];
}
