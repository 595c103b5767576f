import { z } from "zod";
import { recordId } from "@/shared/record-id";
import {
  ContactOrigin,
  ContactStatus,
  MembershipStatus,
  ProjectStatus,
  VendorKind,
  VendorStatus,
} from "@/generated/prisma/enums";
import { bulkContactsInputSchema, contactIdsSchema, reasonSchema } from "@/shared/bulk-selection";
import { createContactSchema, updateContactSchema } from "@/shared/contact-fields";
import { createProjectSchema } from "@/shared/project-fields";
import { SORT_VALUES } from "@/shared/directory-query";
import { mergeContactsSchema } from "@/shared/contact-merge";
import { DUPLICATE_REASONS } from "@/shared/duplicate-reasons";
import { contactHistoryEventUnion, userEventUnion, vendorHistoryEventUnion } from "@/shared/history-events";
import { createVendorSchema, mergeVendorsSchema, updateVendorSchema, vendorIdsSchema } from "@/shared/vendor-fields";
import { VENDOR_SORT_VALUES } from "@/shared/vendor-query";
import { PROJECT_VENDOR_SORT_VALUES } from "@/shared/project-vendor-query";
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
  vendorId: id("company (vendor)"),
  groupId: id("group of probable duplicates (stable while its contacts are the same)"),
  userId: id("user"),
  invitationId: id("invitation (a user's invitation.id)"),
};
export type PathParam = keyof typeof pathParams;

// Query strings.

const listQueryShape = {
  status: z
    .enum(lowerValues(ContactStatus).filter((s) => s === "active" || s === "inactive") as ["active", "inactive"])
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

export const createProjectBody = createProjectSchema.meta({ id: "CreateProject" });

export const createVendorBody = createVendorSchema.meta({ id: "CreateVendor" });
export const updateVendorBody = updateVendorSchema.meta({ id: "UpdateVendor" });

export const listVendorsQuery = z.strictObject({
  status: z
    .enum(["active", "inactive"], { error: "status must be active or inactive." })
    .default("active")
    .transform(upper)
    .meta({ description: "The tab: Companies (active) or Inactive Companies." }),
  q: listQueryShape.q.meta({
    description: "Words that must each match the name, trade, phone, email or license number.",
  }),
  kind: z
    .enum(lowerValues(VendorKind), { error: `kind must be one of ${lowerValues(VendorKind).join(", ")}.` })
    .transform(upper)
    .optional(),
  sort: z
    .enum(VENDOR_SORT_VALUES, { error: `sort must be one of ${VENDOR_SORT_VALUES.join(", ")}.` })
    .default("name.asc"),
  page: listQueryShape.page,
  perPage: listQueryShape.perPage,
});

export const bulkVendorsBody = z
  .strictObject({
    vendorIds: vendorIdsSchema,
    reason: reasonSchema,
    includeContacts: z.boolean({ error: "includeContacts must be true or false." }).default(false).meta({
      description:
        "Also change those companies' people that are in the starting status, through the contact lifecycle (their project directories with them), in the same change. Off by default: a company's status does not change its people's.",
    }),
  })
  .meta({ id: "BulkVendors" });

export const mergeVendorsBody = mergeVendorsSchema.safeExtend({ reason: reasonSchema }).meta({ id: "MergeVendors" });

// Responses.

const batchIdField = z.uuid().nullable().meta({
  description:
    "The change's record in the history, for POST /companies/{companyId}/batches/{batchId}/undo; null when nothing changed.",
});

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
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    address: z.string().nullable(),
    licenseNumber: z.string().nullable(),
    notes: z.string().nullable(),
    status: z
      .enum(lowerValues(VendorStatus))
      .meta({ description: "merged: merged into mergedIntoId, kept for history." }),
    mergedIntoId: z.uuid().nullable(),
    contactCount: z.int().meta({ description: "Its active contacts." }),
    createdAt: timestamp,
    updatedAt: timestamp,
    inactivatedAt: timestamp.nullable(),
  })
  .meta({ id: "Vendor" });

export const vendorPageSchema = z
  .strictObject({
    data: z.array(vendorSchema),
    page: z.int(),
    perPage: z.int(),
    total: z.int().meta({ description: "Companies matching the query on all pages." }),
  })
  .meta({ id: "VendorPage" });

export const listProjectVendorsQuery = z.strictObject({
  q: listQueryShape.q.meta({
    description: "Words that must each match the name, trade, phone, email or license number.",
  }),
  kind: z
    .enum(lowerValues(VendorKind), { error: `kind must be one of ${lowerValues(VendorKind).join(", ")}.` })
    .transform(upper)
    .optional(),
  sort: z
    .enum(PROJECT_VENDOR_SORT_VALUES, { error: `sort must be one of ${PROJECT_VENDOR_SORT_VALUES.join(", ")}.` })
    .default("name.asc"),
  page: listQueryShape.page,
  perPage: listQueryShape.perPage,
});

export const projectVendorSchema = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(lowerValues(VendorKind)),
    trade: z.string().nullable(),
    phone: z.string().nullable(),
    status: z.enum(lowerValues(VendorStatus)),
    memberCount: z.int().meta({ description: "Its active contacts who are active members of the project." }),
  })
  .meta({ id: "ProjectVendor" });

export const projectVendorPageSchema = z
  .strictObject({
    data: z.array(projectVendorSchema),
    page: z.int(),
    perPage: z.int(),
    total: z.int().meta({ description: "Companies on the project matching the query, on all pages." }),
  })
  .meta({ id: "ProjectVendorPage" });

export const bulkVendorsResultSchema = z
  .strictObject({
    batchId: batchIdField,
    changed: z.int().meta({ description: "How many companies changed status." }),
    skipped: z.array(
      z.strictObject({ id: z.uuid(), reason: z.enum(["already active", "already inactive", "merged", "not found"]) }),
    ),
    contactsChanged: z
      .int()
      .meta({ description: "How many of their people changed status with them (includeContacts)." }),
  })
  .meta({ id: "BulkVendorsResult" });

export const vendorMergeResultSchema = z
  .strictObject({
    batchId: z.uuid().meta({ description: "The merge's record in the history, for undo." }),
    keepId: z.uuid(),
    mergedIds: z.array(z.uuid()),
    contactIds: z.array(z.uuid()).meta({ description: "The contacts moved to the kept company." }),
  })
  .meta({ id: "VendorMergeResult" });

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
    vendor: z
      .strictObject({
        id: z.uuid(),
        name: z.string(),
        status: z.enum(lowerValues(VendorStatus)).meta({ description: "An inactive company has left every picker." }),
      })
      .nullable(),
    status: z.enum(lowerValues(ContactStatus)),
    origin: z.enum(lowerValues(ContactOrigin)).meta({ description: "The tool the contact was first created from." }),
    createdAt: timestamp,
    updatedAt: timestamp,
    inactivatedAt: timestamp.nullable(),
    mergedIntoId: z
      .uuid()
      .nullable()
      .meta({ description: 'The contact this one was merged into (status "merged"), else null.' }),
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

export const bulkResultSchema = z
  .strictObject({
    batchId: batchIdField,
    changed: z.int().meta({ description: "How many contacts changed status." }),
    skipped: z.array(
      z.strictObject({ id: z.uuid(), reason: z.enum(["already active", "already inactive", "not found", "merged"]) }),
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
    skipped: z.array(
      z.strictObject({ id: z.uuid(), reason: z.enum(["already on project", "inactive", "not found", "merged"]) }),
    ),
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
const historyItemBase = {
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
};

export const historyItemSchema = contactHistoryEventUnion({
  ...historyItemBase,
  projectIds: z.array(z.uuid()).meta({ description: "The project directories the change touched." }),
  contact: z.strictObject({ id: z.uuid(), name: z.string() }),
}).meta({ id: "HistoryItem" });

export const vendorHistoryItemSchema = vendorHistoryEventUnion({
  ...historyItemBase,
  vendor: z.strictObject({ id: z.uuid(), name: z.string() }),
}).meta({ id: "VendorHistoryItem" });

export const userHistoryItemSchema = userEventUnion({
  ...historyItemBase,
  user: z.strictObject({ id: z.uuid(), name: z.string(), email: z.string() }),
}).meta({ id: "UserHistoryItem" });

export const historyPageSchema = z
  .strictObject({
    data: z.array(z.union([historyItemSchema, vendorHistoryItemSchema, userHistoryItemSchema])).meta({
      description:
        "Newest change first, a change's events together. An entry is a contact's (contact.* and batch.undone: it names `contact`), a company's (vendor.*: `vendor`) or a user's (user.*: `user`).",
    }),
    page: z.int(),
    perPage: z.int(),
    total: z.int(),
  })
  .meta({ id: "HistoryPage" });

export const historyQuery = z.strictObject({
  ...historyFilterShape,
  page: listQueryShape.page,
  perPage: listQueryShape.perPage,
});

// Duplicates and merging.

export const duplicatesQuery = z.strictObject({
  reason: z
    .enum(DUPLICATE_REASONS, { error: `reason must be one of ${DUPLICATE_REASONS.join(", ")}.` })
    .optional()
    .meta({ description: "Only groups found for this reason." }),
  page: listQueryShape.page,
  perPage: listQueryShape.perPage.default(25),
});

export const duplicateGroupSchema = z
  .strictObject({
    id: z.uuid().meta({ description: "The group's id: a hash of its contacts' ids, the same while they are." }),
    contacts: z.array(contactDetailSchema).meta({ description: "Oldest first." }),
    reasons: z.array(z.enum(DUPLICATE_REASONS)).meta({ description: "Strongest first." }),
  })
  .meta({ id: "DuplicateGroup" });

export const duplicateGroupPageSchema = z
  .strictObject({ data: z.array(duplicateGroupSchema), page: z.int(), perPage: z.int(), total: z.int() })
  .meta({ id: "DuplicateGroupPage" });

export const dismissResultSchema = z
  .strictObject({ id: z.uuid(), dismissed: z.literal(true) })
  .meta({ id: "DismissDuplicatesResult" });

export const mergeContactsBody = mergeContactsSchema.meta({ id: "MergeContacts" });

export const mergeResultSchema = z
  .strictObject({
    batchId: z.uuid().meta({ description: "The merge's record in the history, for undo." }),
    contact: contactDetailSchema.meta({ description: "The kept contact, as it is after the merge." }),
  })
  .meta({ id: "MergeResult" });

export const undoResultSchema = z
  .strictObject({
    batchId: z.uuid().meta({ description: "The undo's own record in the history." }),
    undoneBatchId: z.uuid(),
    contactIds: z.array(z.uuid()).meta({ description: "The contacts put back as they were." }),
    vendorIds: z.array(z.uuid()).meta({ description: "The companies (vendors) put back as they were." }),
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
