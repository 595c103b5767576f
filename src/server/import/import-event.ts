import { z } from "zod";
import { importEventChangesSchema } from "@/shared/history-events";

export { importEventChangesSchema };
export type ImportEventChanges = z.infer<typeof importEventChangesSchema>;

/** The batch's details: which file, how many rows. */
export const importBatchDetailsSchema = z.object({
  fileName: z.string(),
  rowCount: z.number().int(),
  sheet: z.string().optional(),
});
export type ImportBatchDetails = z.infer<typeof importBatchDetailsSchema>;
