"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordId } from "@/lib/record-id";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { createApiToken, revokeApiToken } from "@/server/auth/api-tokens";
import { authorize } from "@/server/auth/authorize";
import { getPrisma } from "@/server/db/client";
import { can } from "@/server/permissions/can";
import { DomainError } from "@/server/errors";

const createSchema = z.strictObject({
  companyId: recordId(),
  name: z.string().trim().min(1, { error: "Name the token after what will use it, like “Payroll sync”." }).max(80),
});
const revokeSchema = z.strictObject({ companyId: recordId(), tokenId: recordId() });

/** A token for the signed-in user in this company. Its value is returned once, never stored. */
export async function createApiTokenAction(input: unknown): Promise<ActionResult<{ token: string }>> {
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) return { data: null, error: parsed.error.issues[0]!.message };
  const { actor, error } = await authorize(parsed.data.companyId, "view contacts");
  if (error !== null) return { data: null, error };
  const { token } = await createApiToken(await getPrisma(), { ...parsed.data, userId: actor.userId });
  revalidatePath(`/companies/${parsed.data.companyId}/settings/api-tokens`);
  return { data: { token }, error: null };
}

/** Revokes a token at once: one's own, or anyone's for a company admin. */
export async function revokeApiTokenAction(input: unknown): Promise<ActionResult<{ revoked: true }>> {
  const parsed = revokeSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { actor, error } = await authorize(parsed.data.companyId, "view contacts");
  if (error !== null) return { data: null, error };
  try {
    await revokeApiToken(await getPrisma(), {
      ...parsed.data,
      userId: can(actor, "manage users") ? undefined : actor.userId,
    });
    revalidatePath(`/companies/${parsed.data.companyId}/settings/api-tokens`);
    return { data: { revoked: true }, error: null };
  } catch (e) {
    if (e instanceof DomainError) return { data: null, error: e.message };
    throw e;
  }
}
