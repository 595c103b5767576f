"use server";

import { revalidatePath } from "next/cache";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { addCrewMembers } from "@/server/crews/add-crew-members";
import { createCrew } from "@/server/crews/create-crew";
import { removeCrewMember } from "@/server/crews/remove-crew-member";
import { authorize, type Authorization } from "@/server/auth/authorize";
import { changedBy } from "@/server/history/changed-by";
import { getCrew } from "@/server/crews/get-crew";
import { getPrisma } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { can } from "@/server/permissions/can";
import { createCrewInputSchema, crewMembersInputSchema, removeCrewMemberInputSchema } from "./validations";

async function run<T>(fn: () => Promise<T>, revalidate: string): Promise<ActionResult<T>> {
  try {
    const data = await fn();
    revalidatePath(revalidate, "layout");
    return { data, error: null };
  } catch (error) {
    if (error instanceof DomainError) return { data: null, error: error.message };
    throw error;
  }
}


/** Managing crews takes Standard access on the crew's project. */
async function authorizeCrew(companyId: string, crewId: string): Promise<Authorization & { projectId?: string }> {
  const crew = await getCrew(await getPrisma(), { companyId, crewId });
  if (!crew) return { actor: null, error: "That crew no longer exists. Reload the page." };
  return { ...(await authorize(companyId, "edit contacts", { projectId: crew.projectId })), projectId: crew.projectId };
}

export async function createCrewAction(input: unknown) {
  const parsed = createCrewInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { error } = await authorize(parsed.data.companyId, "edit contacts", { projectId: parsed.data.projectId });
  if (error !== null) return { data: null, error };
  const prisma = await getPrisma();
  return run(() => createCrew(prisma, parsed.data), `/companies/${parsed.data.companyId}`);
}

export async function addCrewMembersAction(input: unknown) {
  const parsed = crewMembersInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { actor, error, projectId } = await authorizeCrew(parsed.data.companyId, parsed.data.crewId);
  if (error !== null) return { data: null, error };
  const prisma = await getPrisma();
  const addToProject = can(actor, "manage project members", { projectId });
  return run(() => addCrewMembers(prisma, { ...parsed.data, addToProject, by: changedBy(actor) }), `/companies/${parsed.data.companyId}`);
}

export async function removeCrewMemberAction(input: unknown) {
  const parsed = removeCrewMemberInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { error } = await authorizeCrew(parsed.data.companyId, parsed.data.crewId);
  if (error !== null) return { data: null, error };
  const prisma = await getPrisma();
  return run(async () => {
    await removeCrewMember(prisma, parsed.data);
    return { removed: parsed.data.contactId };
  }, `/companies/${parsed.data.companyId}`);
}
