import { z } from "zod";
import { recordId } from "@/shared/record-id";

/** The Undo of a toast: which batch. */
export const undoBatchInputSchema = z.strictObject({
  companyId: recordId({ error: "companyId must be a UUID." }),
  batchId: recordId({ error: "batchId must be a UUID." }),
  idempotencyKey: z.string().min(1).max(255).optional(),
});
