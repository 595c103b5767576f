import { z } from "zod";
import { recordId } from "@/lib/record-id";

/** What the history records, as the API and the Change History filter name it. */
export const HISTORY_ACTIONS = [
  "contact.created",
  "contact.updated",
  "contact.inactivated",
  "contact.reactivated",
  "contact.added_to_project",
  "contact.removed_from_project",
  "contact.imported",
  "contact.updated_by_import",
  "batch.undone",
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** How each action reads in the Change History and the contact timeline. */
export const ACTION_LABELS: Record<HistoryAction, string> = {
  "contact.created": "Created",
  "contact.updated": "Edited",
  "contact.inactivated": "Inactivated",
  "contact.reactivated": "Reactivated",
  "contact.added_to_project": "Added to project",
  "contact.removed_from_project": "Removed from project",
  "contact.imported": "Imported",
  "contact.updated_by_import": "Updated by import",
  "batch.undone": "Undone",
};

/** The optional reason a Reactivate, Inactivate or Remove dialog (or API call) gives. */
export const reasonSchema = z
  .string({ error: "reason must be text." })
  .trim()
  .max(500, { error: "Keep the reason under 500 characters." })
  .regex(/^(?:[^\u0000\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/, { error: "Remove the invisible control characters from the reason." })
  .optional();

// The database keeps no year 0, and the end of the last day must still be a date it can store.
const day = (label: string) =>
  z.iso
    .date({ error: `${label} must be a date like 2026-11-30.` })
    .refine((d) => d >= "2000-01-01" && d <= "2999-12-31", { error: `${label} must be a day from 2000-01-01 to 2999-12-31.` })
    .optional();

/** The Change History filters: the page's URL and the API's query string share them. */
export const historyFilterShape = {
  action: z.enum(HISTORY_ACTIONS, { error: `action must be one of ${HISTORY_ACTIONS.join(", ")}.` }).optional(),
  actorId: recordId({ error: "actorId must be a user id." }).optional(),
  from: day("from").meta({ description: "First day (UTC) to include, YYYY-MM-DD." }),
  to: day("to").meta({ description: "Last day (UTC) to include, YYYY-MM-DD." }),
};

export const historyFiltersSchema = z.object(historyFilterShape).refine((f) => !f.from || !f.to || f.from <= f.to, {
  error: "from must be on or before to.",
  path: ["to"],
});
export type HistoryFilters = z.output<typeof historyFiltersSchema>;

/** The Undo of a toast or an API call: which batch. */
export const undoBatchInputSchema = z.strictObject({
  companyId: recordId({ error: "companyId must be a UUID." }),
  batchId: recordId({ error: "batchId must be a UUID." }),
  idempotencyKey: z.string().min(1).max(255).optional(),
});
