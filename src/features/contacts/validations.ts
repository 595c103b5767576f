import { createLoader, createSerializer } from "nuqs/server";
import { z } from "zod";
import { recordId } from "@/lib/record-id";
import { ContactOrigin } from "@/generated/prisma/enums";
import { reasonSchema } from "@/features/history/validations";
import { MAX_BULK_CONTACTS, directorySearchParams, type DirectoryQuery } from "./directory-params";

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
  companyId: recordId({ error: "companyId must be a UUID." }),
  contactIds: contactIdsSchema,
  reason: reasonSchema,
  /** Set once per opened dialog, so a double-clicked confirm applies once. */
  idempotencyKey: z.string().min(1).max(255).optional(),
});
export type BulkContactsInput = z.input<typeof bulkContactsInputSchema>;

/** Adding contacts to, or removing them from, one project's directory. */
export const projectContactsInputSchema = bulkContactsInputSchema.extend({
  projectId: recordId({ error: "projectId must be a UUID." }),
});

/**
 * "Select all N matching contacts": the tab's search and filters, which the server
 * turns into ids itself, so the browser never ships thousands of them.
 */
export const matchingSelectionSchema = z.strictObject({
  tab: z.enum(["contacts", "inactive-contacts"], { error: "tab must be contacts or inactive-contacts." }),
  q: z.string().trim().max(200, { error: "Keep the search under 200 characters." }).default(""),
  vendor: recordId().nullable().default(null),
  project: recordId().nullable().default(null),
  origin: z.enum(ContactOrigin).nullable().default(null),
});

/** A bulk action from the table: the rows ticked, or everything matching the tab's query. */
export const bulkSelectionInputSchema = bulkContactsInputSchema
  .extend({ contactIds: contactIdsSchema.optional(), matching: matchingSelectionSchema.optional() })
  .refine((input) => (input.contactIds === undefined) !== (input.matching === undefined), {
    error: "Send either contactIds or matching, not both.",
  });

export const projectSelectionInputSchema = projectContactsInputSchema
  .extend({ contactIds: contactIdsSchema.optional(), matching: matchingSelectionSchema.optional() })
  .refine((input) => (input.contactIds === undefined) !== (input.matching === undefined), {
    error: "Send either contactIds or matching, not both.",
  });
