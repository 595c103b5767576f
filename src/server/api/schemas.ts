import { z } from "zod";
import { recordId } from "@/shared/record-id";
import { ContactOrigin, ContactStatus, MembershipStatus, ProjectStatus, VendorKind } from "@/generated/prisma/enums";
import { bulkContactsInputSchema, contactIdsSchema, reasonSchema } from "@/shared/bulk-selection";
import { createContactSchema, updateContactSchema } from "@/shared/contact-fields";
import { SORT_VALUES } from "@/shared/directory-query";
import { historyEventUnion } from "@/shared/history-events";
import { historyFilterShape } from "@/shared/history-filters";
import { ERROR_STATUS } from "./errors";

/** A Prisma enum's values as the API spells them: lower case. */
function lowerValues<T extends string>(values: Record<string, T>) {
  return Object.values(values).map((v) => v.toLowerCase() as Lowercase<T>);
}
const upper = <T extends string>(value: T) => value.toUpperCase() as Uppercase<T>;

const id = (what: string) => z.uuid().meta({ description: `The ${what}'s id.` });
const timestamp = z.iso.datetime();

// Path parameters. A malformed id is answered 404, like an unknown one.
export const pathParams = {
  companyId: id("company"),
  projectId: id("project"),
  contactId: id("contact"),
  batchId: id("change batch (the batchId a bulk change answered with)"),
};
export type PathParam = keyof typeof pathParams;

// Query strings.

const listQueryShape = {
  status: z
    .enum(lowerValues(ContactStatus).filter((s) => s !== "discarded") as ["active", "inactive"])
    .default("active")
    .transform(upper)
    .meta({ description: "The tab: active contacts, or inactive ones." }),
  q: z
    .string()
    .trim()
    .max(200, { error: "Keep the search under 200 characters." })
    .default("")
    .meta({ description: "Words that must each match a name, email, phone, job title, employee ID or company." }),
  sort: z.enum(SORT_VALUES, { error: `sort must be one of ${SORT_VALUES.join(", ")}.` }).default("name.asc"),
  page: z.coerce
    .number({ error: "page must be a whole number from 1 to 1,000,000." })
    .int({ error: "page must be a whole number from 1 to 1,000,000." })
    .min(1, { error: "page must be a whole number from 1 to 1,000,000." })
    .max(1_000_000, { error: "page must be a whole number from 1 to 1,000,000." })
    .default(1),
  perPage: z.coerce
    .number({ error: "perPage must be a whole number from 1 to 100." })
    .int({ error: "perPage must be a whole number from 1 to 100." })
    .min(1, { error: "perPage must be a whole number from 1 to 100." })
    .max(100, { error: "perPage must be a whole number from 1 to 100." })
    .default(50),
  vendorId: recordId({ error: "vendorId must be a company (vendor) id." })
    .optional()
    .meta({ description: "Only contacts of this company (vendor)." }),
  origin: z
    .enum(lowerValues(ContactOrigin), { error: `origin must be one of ${lowerValues(ContactOrigin).join(", ")}.` })
    .transform(upper)
    .optional()
    .meta({ description: "Only contacts first created from this tool." }),
};

export const listContactsQuery = z.strictObject({
  ...listQueryShape,
  projectId: recordId({ error: "projectId must be a project id." })
    .optional()
    .meta({ description: "Only contacts on this project's directory." }),
});

export const listProjectContactsQuery = z.strictObject(listQueryShape);

// Request bodies: the contact rules are the forms' own, from src/shared.

export const createContactBody = createContactSchema.meta({ id: "CreateContact" });
export const updateContactBody = updateContactSchema.meta({ id: "UpdateContact" });

/** The bulk action's input, less the company: that comes from the path. */
export const bulkContactsBody = bulkContactsInputSchema
  .omit({ companyId: true, idempotencyKey: true })
  .meta({ id: "BulkContacts" });

export const contactIdsBody = z
  .strictObject({ contactIds: contactIdsSchema, reason: reasonSchema })
  .meta({ id: "ContactIds" });

export const createProjectBody = z
  .strictObject({
    name: z
      .string({ error: "Enter a project name." })
      .trim()
      .min(1, { error: "Enter a project name." })
      .max(200, { error: "Keep the project name under 200 characters." }),
    number: z
      .string({ error: 'number must be text, like "2024-017".' })
      .trim()
      .min(1, { error: "Leave number out, or give one." })
      .max(50, { error: "Keep the project number under 50 characters." })
      .nullable()
      .optional(),
  })
  .meta({ id: "CreateProject" });

export const createVendorBody = z
  .strictObject({
    name: z
      .string({ error: "Enter the company's name." })
      .trim()
      .min(1, { error: "Enter the company's name." })
      .max(200, { error: "Keep the company name under 200 characters." }),
    kind: z
      .enum(lowerValues(VendorKind), { error: `kind must be one of ${lowerValues(VendorKind).join(", ")}.` })
      .transform(upper)
      .optional(),
    trade: z
      .string({ error: "trade must be text." })
      .trim()
      .max(100, { error: "Keep the trade under 100 characters." })
      .nullable()
      .optional(),
  })
  .meta({ id: "CreateVendor" });

// Responses.

export const companySchema = z.strictObject({ id: z.uuid(), name: z.string() }).meta({ id: "Company" });

export const projectSchema = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    number: z.string().nullable(),
    status: z.enum(lowerValues(ProjectStatus)),
  })
  .meta({ id: "Project" });

export const projectListItemSchema = projectSchema
  .extend({
    activeContacts: z.int().meta({ description: "Contacts on the project's Contacts tab." }),
    inactiveContacts: z.int().meta({ description: "Contacts on the project's Inactive Contacts tab." }),
  })
  .meta({ id: "ProjectListItem" });

export const vendorSchema = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(lowerValues(VendorKind)),
    trade: z.string().nullable(),
  })
  .meta({ id: "Vendor" });

export const contactSchema = z
  .strictObject({
    id: z.uuid(),
    companyId: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    jobTitle: z.string().nullable(),
    employeeId: z.string().nullable(),
    classification: z.string().nullable(),
    isEmployee: z.boolean(),
    vendor: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
    status: z.enum(lowerValues(ContactStatus)),
    origin: z.enum(lowerValues(ContactOrigin)).meta({ description: "The tool the contact was first created from." }),
    createdAt: timestamp,
    updatedAt: timestamp,
    inactivatedAt: timestamp.nullable(),
  })
  .meta({ id: "Contact" });

export const contactDetailSchema = contactSchema
  .extend({
    projects: z
      .array(z.strictObject({ id: z.uuid(), name: z.string(), status: z.enum(lowerValues(MembershipStatus)) }))
      .meta({ description: "Every project the contact has been on, and its status there." }),
  })
  .meta({ id: "ContactDetail" });

export const contactPageSchema = z
  .strictObject({
    data: z.array(contactSchema),
    page: z.int(),
    perPage: z.int(),
    total: z.int().meta({ description: "Contacts matching the query on all pages." }),
  })
  .meta({ id: "ContactPage" });

export const listOf = <T extends z.ZodType>(item: T) => z.strictObject({ data: z.array(item) });

const batchIdField = z.uuid().nullable().meta({
  description:
    "The change's record in the history, for POST /companies/{companyId}/batches/{batchId}/undo; null when nothing changed.",
});

export const bulkResultSchema = z
  .strictObject({
    batchId: batchIdField,
    changed: z.int().meta({ description: "How many contacts changed status." }),
    skipped: z.array(
      z.strictObject({ id: z.uuid(), reason: z.enum(["already active", "already inactive", "not found"]) }),
    ),
    projectsAffected: z
      .int()
      .meta({ description: "How many project directories the changed contacts left or returned to." }),
  })
  .meta({ id: "BulkResult" });

export const addContactsResultSchema = z
  .strictObject({
    batchId: batchIdField,
    added: z.array(z.uuid()).meta({ description: "Contacts that joined the project's directory." }),
    restored: z.array(z.uuid()).meta({ description: "Contacts that had been removed from it and are back." }),
    skipped: z.array(z.strictObject({ id: z.uuid(), reason: z.enum(["already on project", "inactive", "not found"]) })),
  })
  .meta({ id: "AddContactsResult" });

export const removeContactResultSchema = z
  .strictObject({ batchId: z.uuid(), removed: z.uuid() })
  .meta({ id: "RemoveContactResult" });

export const removeContactsResultSchema = z
  .strictObject({
    batchId: batchIdField,
    removed: z.array(z.uuid()).meta({ description: "Contacts taken off the project's directory and its crews." }),
    skipped: z.array(z.strictObject({ id: z.uuid(), reason: z.enum(["not on project"]) })),
  })
  .meta({ id: "RemoveContactsResult" });

// Change history.

/** One entry: the event's kind (action) decides the shape of what changed (changes). */
export const historyItemSchema = historyEventUnion({
  id: z.uuid(),
  at: timestamp,
  actor: z.strictObject({
    id: z.uuid().nullable().meta({ description: "The user; null for changes the system made (seeds, scripts)." }),
    name: z.string().meta({ description: "Their name when they acted." }),
    email: z.string().nullable().meta({
      description: "Their sign-in email, which says who they are (a name can be anyone's); null for the system.",
    }),
  }),
  batchId: z.uuid().meta({ description: "The bulk operation (or single change) this entry belongs to." }),
  reason: z.string().nullable(),
  projectIds: z.array(z.uuid()).meta({ description: "The project directories the change touched." }),
  contact: z.strictObject({ id: z.uuid(), name: z.string() }),
}).meta({ id: "HistoryItem" });

export const historyPageSchema = z
  .strictObject({ data: z.array(historyItemSchema), page: z.int(), perPage: z.int(), total: z.int() })
  .meta({ id: "HistoryPage" });

export const historyQuery = z.strictObject({
  ...historyFilterShape,
  page: listQueryShape.page,
  perPage: listQueryShape.perPage,
});

export const undoResultSchema = z
  .strictObject({
    batchId: z.uuid().meta({ description: "The undo's own record in the history." }),
    undoneBatchId: z.uuid(),
    contactIds: z.array(z.uuid()).meta({ description: "The contacts put back as they were." }),
    projectIds: z.array(z.uuid()).meta({ description: "The project directories touched." }),
  })
  .meta({ id: "UndoResult" });

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(Object.keys(ERROR_STATUS) as (keyof typeof ERROR_STATUS)[]),
      message: z.string().meta({ description: "What went wrong and what to do about it." }),
      details: z
        .union([
          z.array(z.strictObject({ path: z.string(), message: z.string() })),
          z.record(z.string(), z.unknown()),
          z.null(),
        ])
        .meta({ description: "For validation_error and too_many_ids: one { path, message } per problem." }),
      requestId: z.string().optional().meta({
        description: "On a 5xx: the request's id (its X-Request-Id header and log lines), to quote to support.",
      }),
    }),
  })
  .meta({ id: "Error" });
