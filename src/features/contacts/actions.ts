"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ContactStatusChange } from "@/server/contacts/change-contact-status";
import { inactivateContacts } from "@/server/contacts/inactivate-contacts";
import { reactivateContacts } from "@/server/contacts/reactivate-contacts";
import { getPrisma } from "@/server/db/client";
import { bulkContactsInputSchema } from "./validations";

export type LifecycleSummary = {
  changed: number;
  skipped: ContactStatusChange["skipped"];
  projectsAffected: number;
};
export type ActionResult<T> = { data: T; error: null } | { data: null; error: string };

async function runLifecycleAction(
  input: unknown,
  change: typeof reactivateContacts,
): Promise<ActionResult<LifecycleSummary>> {
  const parsed = bulkContactsInputSchema.safeParse(input);
  if (!parsed.success) {
    return { data: null, error: z.prettifyError(parsed.error) };
  }
  const { companyId, contactIds } = parsed.data;
  const result = await change(await getPrisma(), { companyId, contactIds });
  if (result.changed.length > 0) {
    // The company directory and every project directory of this company show the change.
    revalidatePath(`/companies/${companyId}`, "layout");
  }
  return {
    data: { changed: result.changed.length, skipped: result.skipped, projectsAffected: result.projectIds.length },
    error: null,
  };
}

export async function reactivateContactsAction(input: unknown) {
  return runLifecycleAction(input, reactivateContacts);
}

export async function inactivateContactsAction(input: unknown) {
  return runLifecycleAction(input, inactivateContacts);
}
