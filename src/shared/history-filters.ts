import { z } from "zod";
import {
  CONTACT_HISTORY_ACTIONS,
  USER_EVENT_ACTIONS,
  VENDOR_HISTORY_ACTIONS,
  type HistoryAction,
  type UserEventAction,
} from "./history-events";
import { recordId } from "./record-id";

/** The kinds of record a change is about, as the Change History's filter and the API's `record` name them. */
export const HISTORY_RECORDS = ["contacts", "companies", "users"] as const;
export type HistoryRecord = (typeof HISTORY_RECORDS)[number];

export const HISTORY_RECORD_LABELS: Record<HistoryRecord, string> = {
  contacts: "Contacts",
  companies: "Companies",
  users: "Users",
};

/** Every event the Change History lists: contacts' and companies' (one vocabulary), and users'. */
export type CompanyHistoryAction = HistoryAction | UserEventAction;

/** Each kind of record's actions, in the filter's order. */
export const HISTORY_RECORD_ACTIONS = {
  contacts: CONTACT_HISTORY_ACTIONS,
  companies: VENDOR_HISTORY_ACTIONS,
  users: USER_EVENT_ACTIONS,
} as const satisfies Record<HistoryRecord, readonly CompanyHistoryAction[]>;

const ALL_ACTIONS = HISTORY_RECORDS.flatMap((r) => HISTORY_RECORD_ACTIONS[r] as readonly CompanyHistoryAction[]);

/** The kind of record an action is recorded on. */
export function historyRecordOf(action: CompanyHistoryAction): HistoryRecord {
  return HISTORY_RECORDS.find((r) => (HISTORY_RECORD_ACTIONS[r] as readonly string[]).includes(action))!;
}

// The database keeps no year 0, and the end of the last day must still be a date it can store.
const day = (label: string) =>
  z.iso
    .date({ error: `${label} must be a date like 2026-11-30.` })
    .refine((d) => d >= "2000-01-01" && d <= "2999-12-31", {
      error: `${label} must be a day from 2000-01-01 to 2999-12-31.`,
    })
    .optional();

/** The Change History filters: the page's URL, its CSV export and the API's query string share them. */
export const historyFilterShape = {
  record: z
    .enum(HISTORY_RECORDS, { error: `record must be one of ${HISTORY_RECORDS.join(", ")}.` })
    .optional()
    .meta({ description: "Only changes to this kind of record; without it, changes to all three." }),
  action: z
    .enum(ALL_ACTIONS as [CompanyHistoryAction, ...CompanyHistoryAction[]], {
      error: `action must be one of ${ALL_ACTIONS.join(", ")}.`,
    })
    .optional()
    .meta({ description: "Only this kind of event (contact.*, batch.undone, vendor.* or user.*)." }),
  actorId: recordId({ error: "actorId must be a user id." }).optional(),
  from: day("from").meta({ description: "First day (UTC) to include, YYYY-MM-DD." }),
  to: day("to").meta({ description: "Last day (UTC) to include, YYYY-MM-DD." }),
};

/** An action of another kind of record than the one chosen matches nothing: it is refused instead. */
export function actionFitsRecord(f: { record?: HistoryRecord; action?: CompanyHistoryAction }): boolean {
  return !f.record || !f.action || historyRecordOf(f.action) === f.record;
}

export const historyFiltersSchema = z
  .object(historyFilterShape)
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: "from must be on or before to.", path: ["to"] })
  .refine(actionFitsRecord, { error: "action must be one of the chosen record's actions.", path: ["action"] });
export type HistoryFilters = z.output<typeof historyFiltersSchema>;
