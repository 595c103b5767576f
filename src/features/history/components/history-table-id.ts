/** The Change History's table region, where focus goes after an Undo from it (a plain module: the page and the button both read it). */
export const HISTORY_TABLE_ID = "change-history-table";
