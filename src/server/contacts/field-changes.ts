import type { HistoryChanges } from "@/shared/history-events";

export type FieldChanges = HistoryChanges<"contact.updated">;
export type FieldValue = FieldChanges[string]["to"];

/**
 * The fields an edit really changes, as the history records them: { field: { from, to } }.
 * Fields the patch leaves out are unchanged; null and absent mean the same (no value).
 */
export function fieldChanges(
  before: Record<string, FieldValue | undefined>,
  patch: Record<string, FieldValue | undefined>,
): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const from = before[field] ?? null;
    if (from !== (to ?? null)) changes[field] = { from, to: to ?? null };
  }
  return changes;
}
