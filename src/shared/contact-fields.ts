import { z } from "zod";
import { recordId } from "@/shared/record-id";

// PostgreSQL cannot store NUL, nor half a UTF-16 surrogate pair, in text; say so instead of failing on write.
const NO_NUL = [
  /^(?:[^\u0000\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/,
  { error: "Remove the invisible control characters from this field." },
] as const;

/** An optional text field: blank means "none", so a cleared form field stores null. */
function optionalText(max: number, label: string) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z
      .string()
      .trim()
      .max(max, { error: `Keep the ${label} under ${max} characters.` })
      .regex(...NO_NUL)
      .nullable()
      .optional(),
  );
}

const name = (label: string) =>
  z
    .string({ error: `Enter a ${label}.` })
    .trim()
    .min(1, { error: `Enter a ${label}.` })
    .max(100, { error: `Keep the ${label} under 100 characters.` })
    .regex(...NO_NUL);

export const contactFieldsSchema = z.strictObject({
  firstName: name("first name"),
  lastName: name("last name"),
  email: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim().toLowerCase()) : v),
    z.email({ error: "Enter an email address like name@example.com." }).max(254).nullable().optional(),
  ),
  phone: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z
      .string()
      .trim()
      .max(40, { error: "Keep the phone number under 40 characters." })
      .regex(/^[0-9+().\-\s]*(x\d+)?$/i, { error: "Use digits, spaces and + ( ) - only, like (555) 123-4567." })
      .nullable()
      .optional(),
  ),
  jobTitle: optionalText(100, "job title"),
  employeeId: optionalText(50, "employee ID"),
  classification: optionalText(100, "classification"),
  isEmployee: z.boolean({ error: "isEmployee must be true or false." }).optional(),
  vendorId: z.preprocess(
    (v) => (v === "" ? null : v),
    recordId({ error: "Choose a company from the list." }).nullable().optional(),
  ),
});

export const createContactSchema = contactFieldsSchema.extend({
  projectIds: z
    .array(recordId({ error: "Each project id must be a UUID." }))
    .max(100, { error: "Add a contact to at most 100 projects at once." })
    .transform((ids) => [...new Set(ids)])
    .optional(),
});
export type CreateContactInput = z.output<typeof createContactSchema>;

export const updateContactSchema = contactFieldsSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: "Send at least one field to change." });
export type UpdateContactInput = z.output<typeof updateContactSchema>;

/** How each contact field reads to people: forms, the history, the import. Its keys are the schema's. */
export const CONTACT_FIELD_LABELS = {
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  phone: "Phone",
  jobTitle: "Job title",
  employeeId: "Employee ID",
  classification: "Classification",
  isEmployee: "Employee of our company",
  vendorId: "Company",
} as const satisfies Record<keyof z.infer<typeof contactFieldsSchema>, string>;
export type ContactField = keyof typeof CONTACT_FIELD_LABELS;
export const CONTACT_FIELDS = Object.keys(CONTACT_FIELD_LABELS) as ContactField[];
