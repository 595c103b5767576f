import { createLoader, createSerializer } from "nuqs/server";
import { z } from "zod";
import { directorySearchParams, type DirectoryQuery } from "./directory-params";

export * from "./directory-params";

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

/** The most contacts one bulk action may change. */
export const MAX_BULK_CONTACTS = 10_000;

export const contactIdsSchema = z
  .array(z.uuid({ error: "Each contact id must be a UUID." }).transform((id) => id.toLowerCase()), {
    error: "contactIds must be a list of contact ids.",
  })
  .min(1, { error: "Choose at least one contact." })
  .max(MAX_BULK_CONTACTS, {
    error: `At most ${MAX_BULK_CONTACTS.toLocaleString("en-US")} contacts can change at once.`,
  })
  .transform((ids) => [...new Set(ids)]);

export const bulkContactsInputSchema = z.strictObject({
  companyId: z.uuid({ error: "companyId must be a UUID." }),
  contactIds: contactIdsSchema,
  reason: z.string().trim().max(500, { error: "Keep the reason under 500 characters." }).optional(),
});
export type BulkContactsInput = z.input<typeof bulkContactsInputSchema>;

/** Adding contacts to, or removing them from, one project's directory. */
export const projectContactsInputSchema = bulkContactsInputSchema.extend({
  projectId: z.uuid({ error: "projectId must be a UUID." }),
});
