"use server";

import type { PrismaClient } from "@/generated/prisma/client";
import { companyPages, serverAction, type ActionAccess } from "@/server/actions/server-action";
import { addCrewMembers } from "@/server/crews/add-crew-members";
import { createCrew } from "@/server/crews/create-crew";
import { getCrew } from "@/server/crews/get-crew";
import { removeCrewMember } from "@/server/crews/remove-crew-member";
import { changedBy } from "@/server/history/changed-by";
import { can } from "@/server/permissions/can";
import { createCrewInputSchema, crewMembersInputSchema, removeCrewMemberInputSchema } from "./validations";

/** Managing crews takes Standard access on the crew's project. */
async function crewAccess(
  { companyId, crewId }: { companyId: string; crewId: string },
  db: PrismaClient,
): Promise<ActionAccess> {
  const crew = await getCrew(db, { companyId, crewId });
  return crew
    ? { permission: "edit contacts", projectId: crew.projectId }
    : { refused: "That crew no longer exists. Reload the page." };
}

const revalidate = (_: unknown, { companyId }: { companyId: string }) => companyPages(companyId);

export const createCrewAction = serverAction({
  input: createCrewInputSchema,
  access: ({ projectId }) => ({ permission: "edit contacts", projectId }),
  run: ({ db, input }) => createCrew(db, input),
  revalidate,
});

export const addCrewMembersAction = serverAction({
  input: crewMembersInputSchema,
  access: crewAccess,
  // Adding to a crew puts the worker on the project's directory only for whoever may add to it.
  run: ({ db, actor, input, projectId }) =>
    addCrewMembers(db, {
      ...input,
      addToProject: can(actor, "manage project members", { projectId }),
      by: changedBy(actor),
    }),
  revalidate,
});

export const removeCrewMemberAction = serverAction({
  input: removeCrewMemberInputSchema,
  access: crewAccess,
  run: async ({ db, input }) => {
    await removeCrewMember(db, input);
    return { removed: input.contactId };
  },
  revalidate,
});
