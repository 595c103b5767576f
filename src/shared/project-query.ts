// The Projects page's URL state: search, sort and page, read by the page and the table with
// the same parsers. No zod here: the table's client code imports this module.
import { parseAsInteger, parseAsNumberLiteral, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { PAGE_SIZES } from "./directory-query";

/** Columns the server sorts projects by. Name sorts numbers in it as numbers: Project 2 before Project 10. */
export const PROJECT_SORTABLE_COLUMNS = ["name", "number"] as const;
export type ProjectSortableColumn = (typeof PROJECT_SORTABLE_COLUMNS)[number];
export type ProjectSortValue = `${ProjectSortableColumn}.${"asc" | "desc"}`;
export const PROJECT_SORT_VALUES = PROJECT_SORTABLE_COLUMNS.flatMap((c) => [`${c}.asc`, `${c}.desc`] as const);

export const projectsSearchParams = {
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(PROJECT_SORT_VALUES as ProjectSortValue[]).withDefault("name.asc"),
  page: parseAsInteger.withDefault(1),
  perPage: parseAsNumberLiteral(PAGE_SIZES).withDefault(50),
};

export type ProjectsQuery = {
  /** Words that must each match the project's name or number. */
  q: string;
  sort: ProjectSortValue;
  page: number;
  perPage: (typeof PAGE_SIZES)[number];
};

export function splitProjectSort(sort: ProjectSortValue): { column: ProjectSortableColumn; desc: boolean } {
  const [column, dir] = sort.split(".") as [ProjectSortableColumn, "asc" | "desc"];
  return { column, desc: dir === "desc" };
}
