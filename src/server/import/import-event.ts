import { z } from "zod";

const fromTo = z.object({ from: z.unknown(), to: z.unknown() });

/**
 * The changes of a contact.imported or contact.updated_by_import event: the file's row,
 * each field written ({ from, to }; from is null for a created contact) and the project
 * directories the contact joined (from: its membership before, null when it had none).
 * Undo reads exactly this back.
 */
export const importEventChangesSchema = z.object({
  row: z.number().int(),
  fields: z.record(z.string(), fromTo),
  joined: z.array(z.object({ projectId: z.string(), from: z.string().nullable() })),
});
export type ImportEventChanges = z.infer<typeof importEventChangesSchema>;

/** The batch's details: which file, how many rows. */
export const importBatchDetailsSchema = z.object({ fileName: z.string(), rowCount: z.number().int(), sheet: z.string().optional() });
export type ImportBatchDetails = z.infer<typeof importBatchDetailsSchema>;
