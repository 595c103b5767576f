import { z } from "zod";

/** The Undo of a toast: which batch. */
export const undoBatchInputSchema = z.strictObject({
  companyId: z.uuid({ error: "companyId must be a UUID." }),
  batchId: z.uuid({ error: "batchId must be a UUID." }),
  idempotencyKey: z.string().min(1).max(255).optional(),
});
