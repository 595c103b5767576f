import type { z } from "zod";
import { ApiError, invalidInput } from "./errors";

/** Larger than the biggest valid request (10,000 ids with their quotes and commas). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Parses the query string with a strict schema: unknown and repeated keys are refused. */
export function parseQuery<S extends z.ZodType>(schema: S, searchParams: URLSearchParams): z.output<S> {
  const raw: Record<string, string> = {};
  const repeated: z.core.$ZodIssue[] = [];
  for (const [key, value] of searchParams) {
    if (key in raw) repeated.push(customIssue([key], `Give ${key} only once.`));
    raw[key] = value;
  }
  if (repeated.length) throw invalidInput("query string", repeated);
  return parseWith(schema, raw, "query string");
}

/** Reads and parses a JSON body, refusing bodies too large to be a valid request. */
export async function parseBody<S extends z.ZodType>(schema: S, request: Request): Promise<z.output<S>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw bodyTooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw bodyTooLarge();
  if (text.trim() === "") throw new ApiError("invalid_json", "Send a JSON object as the request body.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ApiError("invalid_json", `The request body is not valid JSON: ${(error as Error).message}`);
  }
  return parseWith(schema, json, "request body");
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: "query string" | "request body",
): z.output<S> {
  // PostgreSQL text cannot hold U+0000, so it is refused here rather than failing in the database.
  const nulAt = findNul(input);
  if (nulAt)
    throw invalidInput(where, [customIssue(nulAt, "Remove the NUL character (\\u0000); text cannot contain it.")]);
  const surrogateAt = findNul(input, hasLoneSurrogate);
  if (surrogateAt) {
    throw invalidInput(where, [
      customIssue(surrogateAt, "Remove the unpaired UTF-16 surrogate (such as \\ud800); text must be valid Unicode."),
    ]);
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(where, parsed.error.issues);
  return parsed.data;
}

type Visit = { value: unknown; key: PropertyKey | null; parent: Visit | null };

const hasNul = (text: string) => text.includes("\0");

/** Half of a UTF-16 pair without the other half: JSON can carry one ("\ud800"), no database text can. */
const hasLoneSurrogate = (text: string) =>
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

/**
 * The path of the first string (or key) holding U+0000, or failing another test of text.
 * Iterative, with paths kept as parent links: JSON may nest deeper than the call stack goes.
 */
export function findNul(input: unknown, isBad: (text: string) => boolean = hasNul): PropertyKey[] | null {
  const stack: Visit[] = [{ value: input, key: null, parent: null }];
  while (stack.length) {
    const visit = stack.pop()!;
    if (typeof visit.value === "string") {
      if (isBad(visit.value)) return pathOf(visit);
    } else if (visit.value !== null && typeof visit.value === "object") {
      const isArray = Array.isArray(visit.value);
      for (const [key, value] of Object.entries(visit.value)) {
        const child = { value, key: isArray ? Number(key) : key, parent: visit };
        if (isBad(key)) return pathOf(child);
        stack.push(child);
      }
    }
  }
  return null;
}

function pathOf(visit: Visit): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

function customIssue(path: PropertyKey[], message: string): z.core.$ZodIssue {
  return { code: "custom", path, message, input: undefined };
}

function bodyTooLarge() {
  return new ApiError(
    "body_too_large",
    `The request body is over ${MAX_BODY_BYTES / 1024 / 1024} MB; send fewer ids per request.`,
  );
}
