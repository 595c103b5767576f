import { createLoader, createSerializer } from "nuqs/server";
import { directorySearchParams, type DirectoryQuery } from "@/shared/directory-query";

export const loadDirectorySearchParams = createLoader(directorySearchParams);
export const serializeDirectorySearchParams = createSerializer(directorySearchParams);

type RawSearchParams = Record<string, string | string[] | undefined>;

// Every key written out, defaults included: what each given value must equal to stand.
const serializeAllDirectorySearchParams = createSerializer(directorySearchParams, { clearOnDefault: false });

/**
 * Parses the directory's search params. `canonical` is the query string the page
 * should be at when the URL holds anything else: unknown keys, repeated keys and values
 * the parsers reject are dropped, so a hand-edited URL lands on what it can show
 * instead of an error.
 */
export function parseDirectorySearchParams(raw: RawSearchParams): {
  query: DirectoryQuery;
  canonical: string;
  isCanonical: boolean;
} {
  const parsed = loadDirectorySearchParams(raw);
  const query: DirectoryQuery = {
    ...parsed,
    q: parsed.q.trim().slice(0, 200),
    page: Math.max(1, parsed.page),
    hide: [...new Set(parsed.hide)],
  };
  const expected = new URLSearchParams(serializeAllDirectorySearchParams(query));
  const isCanonical = Object.entries(raw).every(
    ([key, value]) => value === undefined || (typeof value === "string" && expected.get(key) === value),
  );
  return { query, canonical: serializeDirectorySearchParams(query), isCanonical };
}
