import type { z } from "zod";

/** What every table and dialog action returns: its data, or a message a person can act on. */
export type ActionResult<T> = { data: T; error: null } | { data: null; error: string };

/** Refused input, told in the schemas' own words (not zod's "✖ … → at path" report). */
export function invalidInput(error: z.ZodError): { data: null; error: string } {
  return { data: null, error: [...new Set(error.issues.map((issue) => issue.message))].join(" ") };
}

/** A form action is a public endpoint too: anything but form data is refused with this, not a 500. */
export const NOT_A_FORM = "This form is out of date. Reload the page and try again.";

export function isFormData(value: unknown): value is FormData {
  return value instanceof FormData;
}
