"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addContactsToProject } from "@/server/projects/add-contacts-to-project";
import { removeContactsFromProject } from "@/server/projects/remove-contacts-from-project";
import { authorize } from "@/server/auth/authorize";
import { getPrisma } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import type { LifecycleSummary } from "./actions";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { projectContactsInputSchema } from "./validations";

async function runMembershipAction(
  input: unknown,
  change: (input: z.output<typeof projectContactsInputSchema>) => Promise<{ changed: number; skipped: LifecycleSummary["skipped"] }>,
): Promise<ActionResult<LifecycleSummary>> {
  const parsed = projectContactsInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { error } = await authorize(parsed.data.companyId, "manage project members", { projectId: parsed.data.projectId });
  if (error !== null) return { data: null, error };
  try {
    const { changed, skipped } = await change(parsed.data);
    if (changed > 0) revalidatePath(`/companies/${parsed.data.companyId}`, "layout");
    return { data: { changed, skipped, projectsAffected: changed > 0 ? 1 : 0 }, error: null };
  } catch (error) {
    if (error instanceof DomainError) return { data: null, error: error.message };
    throw error;
  }
}

/** Add Contacts to a project's directory: active contacts join, removed ones come back. */
export async function addContactsToProjectAction(input: unknown) {
  return runMembershipAction(input, async ({ companyId, projectId, contactIds }) => {
    const result = await addContactsToProject(await getPrisma(), { companyId, projectId, contactIds });
    return {
      changed: result.added.length + result.restored.length,
      skipped: result.skipped.map((s) => ({ id: s.id, reason: s.reason })),
    };
  });
}

/** Remove from Project: the rows stay (REMOVED) for history. */
export async function removeContactsFromProjectAction(input: unknown) {
  return runMembershipAction(input, async ({ companyId, projectId, contactIds }) => {
    const result = await removeContactsFromProject(await getPrisma(), { companyId, projectId, contactIds });
    return { changed: result.removed.length, skipped: result.skipped };
  });
}
