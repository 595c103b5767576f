import { z } from "zod";
import { reasonSchema } from "@/shared/bulk-selection";
import {
  DELIMITERS,
  IMPORT_FIELDS,
  NAME_ORDERS,
  ON_DUPLICATE,
  ON_MATCH,
  SKIP_COLUMN,
  duplicateRowsSchema,
  TEXT_ENCODINGS,
  type Delimiter,
  type TextEncoding,
} from "@/shared/import/fields";

/** The wizard's choices about one upload, kept with its draft. */
export const draftSettingsSchema = z.strictObject({
  mapping: z.record(z.string(), z.enum([...IMPORT_FIELDS, SKIP_COLUMN])).optional(),
  delimiter: z.enum(Object.keys(DELIMITERS) as [Delimiter, ...Delimiter[]]).optional(),
  encoding: z.enum(Object.keys(TEXT_ENCODINGS) as [TextEncoding, ...TextEncoding[]]).optional(),
  sheet: z.string().max(100).optional(),
  nameOrder: z.enum(NAME_ORDERS).default("first-last"),
  onMatch: z.enum(ON_MATCH).default("skip"),
  createVendors: z.boolean().default(true),
  onDuplicate: z.enum(ON_DUPLICATE).default("import"),
  duplicateRows: duplicateRowsSchema.default({}),
});
export type DraftSettings = z.output<typeof draftSettingsSchema>;

const ids = {
  companyId: z.uuid().transform((id) => id.toLowerCase()),
  draftId: z.uuid().transform((id) => id.toLowerCase()),
};

export const saveSettingsInputSchema = z.strictObject({ ...ids, settings: draftSettingsSchema });

export const runImportInputSchema = z.strictObject({
  ...ids,
  skipInvalid: z.boolean(),
  reason: reasonSchema,
  /** One per opened Import step: a double click imports once. */
  idempotencyKey: z.string().min(1).max(255),
});

export const IMPORT_STEPS = ["map", "review", "done"] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/** The step's URL state: /…/directory/import/{draftId}?step=review&show=errors&page=2 */
export const stepParamsSchema = z.object({
  step: z.enum(IMPORT_STEPS).catch("map"),
  show: z.enum(["all", "errors", "duplicates"]).catch("all"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  batch: z.uuid().optional().catch(undefined),
});
export type StepParams = z.output<typeof stepParamsSchema>;
