// The directory's query: its URL state (tabs, sort, page sizes, columns, and the parsers the
// page and the table share), and the same filters in the domain's words, for the server. No
// zod and no loaders here: the table's client code imports this module (the page's parsing
// of a whole URL is in src/features/contacts/validations.ts).
import {
  createParser,
  parseAsArrayOf,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { ContactOrigin, type ContactStatus } from "@/generated/prisma/enums";

/** The most contacts one bulk action may change. */
export const MAX_BULK_CONTACTS = 10_000;

/** At most this many contacts are merged at once (Merge Contacts, the merge API): the kept one and nine others. */
export const MAX_MERGE_CONTACTS = 10;

/** The two tabs of a directory, as they appear in the URL path. */
export const DIRECTORY_TABS = ["contacts", "inactive-contacts"] as const;
export type DirectoryTab = (typeof DIRECTORY_TABS)[number];

/** The contact status a tab lists. */
/** The statuses a directory tab lists: a discarded (undone import), merged or USER (now a Rollcall user) contact is on none. */
export type DirectoryStatus = Exclude<ContactStatus, "DISCARDED" | "MERGED" | "USER">;

export function tabStatus(tab: DirectoryTab): DirectoryStatus {
  return tab === "contacts" ? "ACTIVE" : "INACTIVE";
}

/** Columns the server knows how to sort by; the table offers sorting on exactly these. */
export const SORTABLE_COLUMNS = ["name", "company", "jobTitle", "email", "phone"] as const;
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number];
export const SORT_VALUES = SORTABLE_COLUMNS.flatMap((c) => [`${c}.asc`, `${c}.desc`] as const);
export type SortValue = `${SortableColumn}.${"asc" | "desc"}`;

export const PAGE_SIZES = [25, 50, 100] as const;

/** Columns a user may hide; Name and the checkbox always show. */
export const HIDEABLE_COLUMNS = ["company", "jobTitle", "email", "phone", "projects"] as const;
export type HideableColumn = (typeof HIDEABLE_COLUMNS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const parseAsUuid = createParser({
  parse: (v) => (UUID.test(v) ? v.toLowerCase() : null),
  serialize: (v: string) => v,
});

/** The directory's URL state. The page and the table read the same keys with these parsers. */
export const directorySearchParams = {
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(SORT_VALUES as SortValue[]).withDefault("name.asc"),
  page: parseAsInteger.withDefault(1),
  perPage: parseAsNumberLiteral(PAGE_SIZES).withDefault(50),
  vendor: parseAsUuid,
  project: parseAsUuid,
  origin: parseAsStringLiteral(Object.values(ContactOrigin)),
  group: parseAsStringLiteral(["company"] as const),
  hide: parseAsArrayOf(parseAsStringLiteral(HIDEABLE_COLUMNS)).withDefault([]),
};

export type DirectoryQuery = {
  q: string;
  sort: SortValue;
  page: number;
  perPage: (typeof PAGE_SIZES)[number];
  /** Filters: contacts of one vendor, on one project, or created from one tool. */
  vendor: string | null;
  project: string | null;
  origin: ContactOrigin | null;
  /** Rows grouped under their company (vendor). */
  group: "company" | null;
  hide: HideableColumn[];
};

export function splitSort(sort: SortValue): { column: SortableColumn; desc: boolean } {
  const [column, dir] = sort.split(".") as [SortableColumn, "asc" | "desc"];
  return { column, desc: dir === "desc" };
}

/**
 * "Select all N matching contacts": a tab's search and filters as the browser sends them,
 * in the URL's keys (validated on the server by matchingSelectionSchema).
 */
export type MatchingSelection = Pick<DirectoryQuery, "q" | "vendor" | "project" | "origin"> & { tab: DirectoryTab };

/** Which contacts a directory tab lists, in the domain's words: what the server filters by. */
export type ContactFilters = {
  /** Words that must each match a name, email, phone, job title, employee ID or company. */
  q: string;
  /** Contacts of this company (vendor). */
  vendorId?: string | null;
  /** Contacts on this project's directory too: the company directory's Project filter. */
  onProjectId?: string | null;
  /** Contacts first created from this tool. */
  origin?: ContactOrigin | null;
};

/** The URL's filters in the domain's words. */
export function contactFilters({
  q,
  vendor,
  project,
  origin,
}: Pick<DirectoryQuery, "q" | "vendor" | "project" | "origin">): ContactFilters {
  return { q, vendorId: vendor, onProjectId: project, origin };
}
