import { z } from "zod";

/** A new project's fields, as the API's POST and the New Project dialog both send them. */
export const createProjectSchema = z.strictObject({
  name: z
    .string({ error: "Enter a project name." })
    .trim()
    .min(1, { error: "Enter a project name." })
    .max(200, { error: "Keep the project name under 200 characters." }),
  number: z
    .string({ error: 'number must be text, like "2024-017".' })
    .trim()
    .min(1, { error: "Leave number out, or give one." })
    .max(50, { error: "Keep the project number under 50 characters." })
    .nullable()
    .optional(),
});

export type CreateProjectInput = z.output<typeof createProjectSchema>;
