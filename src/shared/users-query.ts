import { parseAsInteger, parseAsNumberLiteral, parseAsString, parseAsStringLiteral } from "nuqs/server";

/** The Users tabs' sortable columns, as the URL names them. */
export const USER_SORT_VALUES = [
  "name.asc",
  "name.desc",
  "email.asc",
  "email.desc",
  "lastSignIn.asc",
  "lastSignIn.desc",
] as const;
export type UserSortValue = (typeof USER_SORT_VALUES)[number];
export const USER_PAGE_SIZES = [25, 50, 100] as const;

/** The Users tabs' URL state for client components (the page parses the same keys with usersQuerySchema). */
export const usersSearchParams = {
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(USER_SORT_VALUES).withDefault("name.asc"),
  page: parseAsInteger.withDefault(1),
  perPage: parseAsNumberLiteral(USER_PAGE_SIZES).withDefault(50),
};
