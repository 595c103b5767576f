import type { z } from "zod";

/** What every table and dialog action returns: its data, or a message a person can act on. */
export type ActionResult<T> = { data: T; error: null } | { data: null; error: string };

/** Refused input, told in the schemas' own words (not zod's "✖ … → at path" report). */
export function invalidInput(error: z.ZodError): { data: null; error: string } {
  return { data: null, error: [...new Set(error.issues.map((issue) => issue.message))].join(" ") };
}
