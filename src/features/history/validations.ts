import { z } from "zod";
import { recordId } from "@/shared/record-id";

/** The Undo of a toast: which batch. */
export const undoBatchInputSchema = z.strictObject({
  companyId: recordId({ error: "companyId must be a UUID." }),
  batchId: recordId({ error: "batchId must be a UUID." }),
  idempotencyKey: z.string().min(1).max(255).optional(),
});

/** One page of a change's contacts, fetched when its row of the Change History is expanded. */
export const batchContactsInputSchema = z.strictObject({
  companyId: recordId({ error: "companyId must be a UUID." }),
  batchId: recordId({ error: "batchId must be a UUID." }),
  page: z.int().min(1).max(10_000).default(1),
});
