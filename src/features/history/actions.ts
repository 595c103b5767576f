"use server";

import { revalidatePath } from "next/cache";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { authorize } from "@/server/auth/authorize";
import { getPrisma } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { batchPermission } from "@/server/history/batch-permission";
import { getBatch, undoBatchOnce } from "@/server/history/undo-batch";
import { undoBatchInputSchema } from "./validations";

export type UndoSummary = { batchId: string; undone: number; projectsAffected: number };

/** Undo from the toast: puts back what one bulk change did, or says why it cannot. */
export async function undoBatchAction(input: unknown): Promise<ActionResult<UndoSummary>> {
  const parsed = undoBatchInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { companyId, batchId, idempotencyKey } = parsed.data;
  // Signed in and a member first, so nobody learns whether a batch id exists elsewhere.
  const member = await authorize(companyId, null);
  if (member.error !== null) return { data: null, error: member.error };
  const prisma = await getPrisma();
  const batch = await getBatch(prisma, companyId, batchId);
  if (!batch) return { data: null, error: "That change was not found. Reload the page." };
  const { permission, projectId } = batchPermission(batch);
  const { actor, error } = await authorize(companyId, permission, { projectId });
  if (error !== null) return { data: null, error };
  try {
    const r = await undoBatchOnce(prisma, { companyId, batchId, actor, idempotencyKey });
    revalidatePath(`/companies/${companyId}`, "layout");
    return { data: { batchId: r.batchId, undone: r.contactIds.length, projectsAffected: r.projectIds.length }, error: null };
  } catch (error) {
    if (error instanceof DomainError) return { data: null, error: error.message };
    throw error;
  }
}
