import { z } from "zod";
import { reasonSchema } from "@/shared/bulk-selection";
import { DUPLICATE_REASONS } from "@/shared/duplicate-reasons";
import {
  IMPORT_FIELDS,
  IMPORT_LIMITS,
  NAME_ORDERS,
  ON_DUPLICATE,
  ON_MATCH,
  SKIP_COLUMN,
  duplicateRowsSchema,
  mappingSchema,
} from "@/shared/import/fields";

const flag = (name: string, byDefault: "true" | "false") =>
  z
    .enum(["true", "false"], { error: `${name} must be true or false.` })
    .default(byDefault)
    .transform((v) => v === "true");

const DELIMITER_NAMES = { comma: ",", semicolon: ";", tab: "\t" } as const;

/** The import's multipart/form-data fields. */
export const importContactsForm = z.strictObject({
  file: z.file({ error: "Attach the spreadsheet (CSV or .xlsx) as a file field named file." }).meta({
    description: `The spreadsheet: CSV (UTF-8 with or without BOM, UTF-16, Windows-1252; comma, semicolon or tab) or .xlsx. At most ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB and ${IMPORT_LIMITS.maxRows.toLocaleString("en-US")} rows; row 1 is the header.`,
  }),
  mapping: z
    .string()
    .transform((text, ctx) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: "custom", message: "mapping must be a JSON object: header → field name." });
        return z.NEVER;
      }
      const parsed = mappingSchema.safeParse(json);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
        return z.NEVER;
      }
      return parsed.data;
    })
    .optional()
    .meta({
      description: `A JSON object: header → ${[...IMPORT_FIELDS, SKIP_COLUMN].join(", ")} (fullName is split into first and last name; vendor is a company name; projects are names or numbers separated by ";"). Headers left out are not imported. Without it, headers are guessed.`,
    }),
  projectId: z
    .uuid({ error: "projectId must be a project id." })
    .transform((id) => id.toLowerCase())
    .optional()
    .meta({
      description:
        "Import into this project's directory: created and updated contacts join it (project Admins may import there).",
    }),
  onMatch: z.enum(ON_MATCH, { error: "onMatch must be skip or update." }).default("skip").meta({
    description:
      "A row that matches an existing contact (by Employee ID, else email, case-insensitive): skip it, or update the contact's mapped, non-empty fields.",
  }),
  onDuplicate: z.enum(ON_DUPLICATE, { error: "onDuplicate must be import or skip." }).default("import").meta({
    description:
      "A new row that is probably a contact already in the directory, or an earlier row (same Employee ID, email, phone digits or name with the same company or none, or a near-identical name at the same company): import it anyway, or skip it. Such rows are reported in probableDuplicates either way.",
  }),
  duplicateRows: z
    .string()
    .transform((text, ctx) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        ctx.addIssue({
          code: "custom",
          message: 'duplicateRows must be a JSON object: row number → "import" or "skip".',
        });
        return z.NEVER;
      }
      const parsed = duplicateRowsSchema.safeParse(json);
      if (!parsed.success) {
        ctx.addIssue({
          code: "custom",
          message: 'duplicateRows must map row numbers (as in the file) to "import" or "skip".',
        });
        return z.NEVER;
      }
      return parsed.data;
    })
    .optional()
    .meta({
      description:
        'A JSON object: row number → "import" or "skip", for probable duplicates whose choice differs from onDuplicate.',
    }),
  dryRun: flag("dryRun", "false").meta({ description: "true: plan only, change nothing." }),
  skipInvalid: flag("skipInvalid", "false").meta({
    description:
      "true: import the valid rows and report the others; otherwise any invalid row answers 422 and nothing is imported.",
  }),
  createCompanies: flag("createCompanies", "true").meta({
    description:
      "Create the companies (vendors) the file names that the directory does not have; false makes such rows invalid.",
  }),
  sheet: z.string().max(100).optional().meta({ description: "The .xlsx sheet to read; the first by default." }),
  delimiter: z
    .enum(["comma", "semicolon", "tab"], { error: "delimiter must be comma, semicolon or tab." })
    .transform((d) => DELIMITER_NAMES[d])
    .optional()
    .meta({ description: "The CSV delimiter; detected by default." }),
  encoding: z
    .enum(["utf-8", "utf-16le", "utf-16be", "windows-1252"], {
      error: "encoding must be utf-8, utf-16le, utf-16be or windows-1252.",
    })
    .optional()
    .meta({
      description:
        "The CSV file's text encoding; detected by default (byte-order mark, valid UTF-8, else Windows-1252).",
    }),
  nameOrder: z
    .enum(NAME_ORDERS, { error: `nameOrder must be ${NAME_ORDERS.join(" or ")}.` })
    .default("first-last")
    .meta({
      description:
        'How a fullName column reads: "Mary Ann Smith" (first-last) or "Smith Mary Ann" (last-first); "Smith, Mary Ann" is always last name first.',
    }),
  reason: reasonSchema,
});

const row = z.number().int().meta({ description: "The row as numbered in the file: the header is row 1." });

export const importResultSchema = z
  .strictObject({
    batchId: z
      .uuid()
      .nullable()
      .meta({ description: "The import's change batch, for undo; null for a dry run or when nothing changed." }),
    dryRun: z.boolean(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.array(z.strictObject({ row, reason: z.string() })),
    invalid: z.array(z.strictObject({ row, column: z.string(), message: z.string() })),
    probableDuplicates: z
      .array(
        z.strictObject({
          row,
          choice: z.enum(ON_DUPLICATE).meta({ description: "Imported anyway, or skipped (then also in skipped)." }),
          of: z.array(
            z.strictObject({
              contactId: z.uuid().optional().meta({ description: "The existing contact the row probably is." }),
              row: row.optional().meta({ description: "The earlier row of the file the row probably is." }),
              reasons: z.array(z.enum(DUPLICATE_REASONS)),
              text: z.string().meta({ description: 'The reasons in words: "Same phone and similar name".' }),
            }),
          ),
        }),
      )
      .meta({
        description: "New rows that are probably someone already there, strongest match first (at most three).",
      }),
    newCompanies: z.array(z.string()).meta({ description: "Companies (vendors) the import creates." }),
    mapping: z
      .record(z.string(), z.enum([...IMPORT_FIELDS, SKIP_COLUMN]))
      .meta({ description: "Each header's field, as used (guessed when no mapping was sent)." }),
  })
  .meta({ id: "ImportResult" });
