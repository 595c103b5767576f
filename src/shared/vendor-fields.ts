import { z } from "zod";
import { VendorKind, VendorStatus } from "@/generated/prisma/enums";
import { recordId } from "./record-id";

// A company's (vendor's) fields: the Add Company / Edit Company forms and the API parse with these.

const NO_NUL = [
  /^(?:[^\u0000\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/,
  { error: "Remove the invisible control characters from this field." },
] as const;

/** An optional text field: blank means "none", so a cleared form field stores null. */
function optionalText(max: number, label: string) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z
      .string({ error: `The ${label} must be text.` })
      .trim()
      .max(max, { error: `Keep the ${label} under ${max} characters.` })
      .regex(...NO_NUL)
      .nullable()
      .optional(),
  );
}

/** The kinds as the API and the forms spell them: lower case, from the Prisma enum. */
export const VENDOR_KINDS = Object.values(VendorKind).map((k) => k.toLowerCase() as Lowercase<VendorKind>);
export const VENDOR_KIND_LABELS: Record<VendorKind, string> = {
  SUBCONTRACTOR: "Subcontractor",
  SUPPLIER: "Supplier",
  CONSULTANT: "Consultant",
  OTHER: "Other",
};
export const VENDOR_STATUSES = Object.values(VendorStatus);

export const vendorFieldsSchema = z.strictObject({
  name: z
    .string({ error: "Enter the company's name." })
    .trim()
    .min(1, { error: "Enter the company's name." })
    .max(200, { error: "Keep the company name under 200 characters." })
    .regex(...NO_NUL),
  kind: z
    .enum(VENDOR_KINDS, { error: `kind must be one of ${VENDOR_KINDS.join(", ")}.` })
    .transform((k) => k.toUpperCase() as VendorKind)
    .optional(),
  trade: optionalText(100, "trade"),
  phone: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z
      .string({ error: "The phone number must be text." })
      .trim()
      .max(40, { error: "Keep the phone number under 40 characters." })
      .regex(/^[0-9+().\-\s]*(x\d+)?$/i, { error: "Use digits, spaces and + ( ) - only, like (555) 123-4567." })
      .nullable()
      .optional(),
  ),
  email: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim().toLowerCase()) : v),
    z.email({ error: "Enter an email address like office@example.com." }).max(254).nullable().optional(),
  ),
  website: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z
      .string({ error: "The website must be text." })
      .trim()
      .max(300, { error: "Keep the website under 300 characters." })
      .regex(/^(https?:\/\/)?[^\s/$.?#][^\s]*\.[^\s]+$/i, { error: "Enter a website like example.com." })
      .nullable()
      .optional(),
  ),
  address: optionalText(500, "address"),
  licenseNumber: optionalText(100, "license number"),
  notes: optionalText(2000, "notes"),
});

export const createVendorSchema = vendorFieldsSchema;
export type CreateVendorInput = z.output<typeof createVendorSchema>;

export const updateVendorSchema = vendorFieldsSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: "Send at least one field to change." });
export type UpdateVendorInput = z.output<typeof updateVendorSchema>;

/** How each company field reads to people: forms, the history, the merge dialog. Its keys are the schema's. */
export const VENDOR_FIELD_LABELS = {
  name: "Name",
  kind: "Kind",
  trade: "Trade",
  phone: "Phone",
  email: "Email",
  website: "Website",
  address: "Address",
  licenseNumber: "License number",
  notes: "Notes",
} as const satisfies Record<keyof z.infer<typeof vendorFieldsSchema>, string>;
export type VendorField = keyof typeof VENDOR_FIELD_LABELS;
export const VENDOR_FIELDS = Object.keys(VENDOR_FIELD_LABELS) as VendorField[];

/** At most this many companies change in one bulk action (as for contacts). */
export const MAX_BULK_VENDORS = 10_000;
/** A merge keeps one company and merges away 1 to 9 others. */
export const MAX_MERGE_VENDORS = 10;

export const vendorIdsSchema = z
  .array(recordId({ error: "Each company id must be a UUID." }), { error: "vendorIds must be a list of company ids." })
  .min(1, { error: "Choose at least one company." })
  .max(MAX_BULK_VENDORS, {
    error: `At most ${MAX_BULK_VENDORS.toLocaleString("en-US")} companies can change at once.`,
  })
  .transform((ids) => [...new Set(ids)]);

/** Merge: the company kept, the ones merged into it, and the field values the kept one takes. */
export const mergeVendorsSchema = z
  .strictObject({
    keepId: recordId({ error: "keepId must be a company id." }),
    mergeIds: z
      .array(recordId({ error: "Each company id must be a UUID." }), {
        error: "mergeIds must be a list of company ids.",
      })
      .min(1, { error: "Choose at least one company to merge into the one you keep." })
      .max(MAX_MERGE_VENDORS - 1, { error: `Merge at most ${MAX_MERGE_VENDORS} companies at once.` })
      .transform((ids) => [...new Set(ids)]),
    fields: vendorFieldsSchema.partial().optional(),
  })
  .refine((m) => !m.mergeIds.includes(m.keepId), {
    error: "The company you keep cannot also be merged away.",
    path: ["mergeIds"],
  });
