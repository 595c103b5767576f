import { z } from "zod";
import { recordId } from "@/shared/record-id";

export const crewNameSchema = z
  .string({ error: "Enter a crew name." })
  .trim()
  .min(1, { error: "Enter a crew name." })
  .max(80, { error: "Keep the crew name under 80 characters." });

export const createCrewInputSchema = z.strictObject({
  companyId: recordId(),
  projectId: recordId(),
  name: crewNameSchema,
});

export const crewMembersInputSchema = z.strictObject({
  companyId: recordId(),
  crewId: recordId(),
  contactIds: z
    .array(recordId())
    .min(1, { error: "Pick at least one worker." })
    .max(200, { error: "Add at most 200 workers at once." }),
});

export const removeCrewMemberInputSchema = z.strictObject({
  companyId: recordId(),
  crewId: recordId(),
  contactId: recordId(),
});
