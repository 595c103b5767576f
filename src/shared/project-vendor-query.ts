// A project directory's Companies tab: its URL state and parsers (the page and the table share
// them) and its sort columns. No zod here: client code imports it.
import { parseAsInteger, parseAsNumberLiteral, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { VendorKind } from "@/generated/prisma/enums";
import { PAGE_SIZES } from "./directory-query";

/** Columns the server sorts a project's companies by; the table offers sorting on exactly these. */
export const PROJECT_VENDOR_SORTABLE_COLUMNS = ["name", "kind", "trade", "members"] as const;
export type ProjectVendorSortableColumn = (typeof PROJECT_VENDOR_SORTABLE_COLUMNS)[number];
export const PROJECT_VENDOR_SORT_VALUES = PROJECT_VENDOR_SORTABLE_COLUMNS.flatMap(
  (c) => [`${c}.asc`, `${c}.desc`] as const,
);
export type ProjectVendorSortValue = `${ProjectVendorSortableColumn}.${"asc" | "desc"}`;

export const projectVendorSearchParams = {
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(PROJECT_VENDOR_SORT_VALUES as ProjectVendorSortValue[]).withDefault("name.asc"),
  page: parseAsInteger.withDefault(1),
  perPage: parseAsNumberLiteral(PAGE_SIZES).withDefault(50),
  kind: parseAsStringLiteral(Object.values(VendorKind)),
};

export type ProjectVendorQuery = {
  q: string;
  sort: ProjectVendorSortValue;
  page: number;
  perPage: (typeof PAGE_SIZES)[number];
  kind: VendorKind | null;
};

export function splitProjectVendorSort(sort: ProjectVendorSortValue): {
  column: ProjectVendorSortableColumn;
  desc: boolean;
} {
  const [column, dir] = sort.split(".") as [ProjectVendorSortableColumn, "asc" | "desc"];
  return { column, desc: dir === "desc" };
}
