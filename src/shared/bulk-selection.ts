import { z } from "zod";
import { ContactOrigin } from "@/generated/prisma/enums";
import { recordId } from "./record-id";
import { DIRECTORY_TABS, MAX_BULK_CONTACTS, contactFilters } from "./directory-query";

/** The optional reason a Reactivate, Inactivate or Remove dialog (or API call) gives. */
export const reasonSchema = z
  .string({ error: "reason must be text." })
  .trim()
  .max(500, { error: "Keep the reason under 500 characters." })
  .regex(/^(?:[^\u0000\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/, {
    error: "Remove the invisible control characters from the reason.",
  })
  .optional();

export const contactIdsSchema = z
  .array(
    z.uuid({ error: "Each contact id must be a UUID." }).transform((id) => id.toLowerCase()),
    {
      error: "contactIds must be a list of contact ids.",
    },
  )
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
 * "Select all N matching contacts": the tab's search and filters in the URL's keys, which
 * the server turns into ids itself (so the browser never ships thousands of them); parsed
 * into the domain's words.
 */
export const matchingSelectionSchema = z
  .strictObject({
    tab: z.enum(DIRECTORY_TABS, { error: "tab must be contacts or inactive-contacts." }),
    q: z.string().trim().max(200, { error: "Keep the search under 200 characters." }).default(""),
    vendor: recordId().nullable().default(null),
    project: recordId().nullable().default(null),
    origin: z.enum(ContactOrigin).nullable().default(null),
  })
  .transform(({ tab, ...filters }) => ({ tab, filters: contactFilters(filters) }));
export type Matching = z.output<typeof matchingSelectionSchema>;

/** Who a bulk change is for: the ids chosen, or every contact matching a tab's search and filters. */
export type BulkSelection = { contactIds: string[] } | { matching: Matching };

const oneSelection = {
  error: "Send either contactIds or matching, not both.",
} as const;

function toSelection<T extends { contactIds?: string[]; matching?: Matching }>({ contactIds, matching, ...rest }: T) {
  const selection: BulkSelection = contactIds ? { contactIds } : { matching: matching! };
  return { ...rest, selection };
}

/** A bulk action from the table: the rows ticked, or everything matching the tab's query. */
export const bulkSelectionInputSchema = bulkContactsInputSchema
  .extend({ contactIds: contactIdsSchema.optional(), matching: matchingSelectionSchema.optional() })
  .refine((input) => (input.contactIds === undefined) !== (input.matching === undefined), oneSelection)
  .transform(toSelection);

/** The same on a project's directory. */
export const projectSelectionInputSchema = projectContactsInputSchema
  .extend({ contactIds: contactIdsSchema.optional(), matching: matchingSelectionSchema.optional() })
  .refine((input) => (input.contactIds === undefined) !== (input.matching === undefined), oneSelection)
  .transform(toSelection);
