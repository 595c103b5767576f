import { z } from "zod";
import { CONTACT_HISTORY_ACTIONS as HISTORY_ACTIONS } from "./history-events";
import { recordId } from "./record-id";

// The database keeps no year 0, and the end of the last day must still be a date it can store.
const day = (label: string) =>
  z.iso
    .date({ error: `${label} must be a date like 2026-11-30.` })
    .refine((d) => d >= "2000-01-01" && d <= "2999-12-31", {
      error: `${label} must be a day from 2000-01-01 to 2999-12-31.`,
    })
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
