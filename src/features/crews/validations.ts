import { z } from "zod";

export const crewNameSchema = z
  .string({ error: "Enter a crew name." })
  .trim()
  .min(1, { error: "Enter a crew name." })
  .max(80, { error: "Keep the crew name under 80 characters." });

export const createCrewInputSchema = z.strictObject({
  companyId: z.uuid(),
  projectId: z.uuid(),
  name: crewNameSchema,
});

export const crewMembersInputSchema = z.strictObject({
  companyId: z.uuid(),
  crewId: z.uuid(),
  contactIds: z.array(z.uuid()).min(1, { error: "Pick at least one worker." }).max(200, { error: "Add at most 200 workers at once." }),
});

export const removeCrewMemberInputSchema = z.strictObject({
  companyId: z.uuid(),
  crewId: z.uuid(),
  contactId: z.uuid(),
});
