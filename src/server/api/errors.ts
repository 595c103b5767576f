import { log } from "@/server/log/logger";
import type { z } from "zod";
import { MAX_BULK_CONTACTS } from "@/shared/directory-query";
import { isDatabaseUnavailable } from "@/server/db/unavailable";
import { DomainError } from "@/server/errors";

/** Seconds a client is asked to wait before retrying while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

/** API answers are one caller's data: no shared or browser cache keeps them. */
export const NO_STORE = { "Cache-Control": "no-store" };

/** Every error code the API answers with, and its HTTP status. */
export const ERROR_STATUS = {
  validation_error: 400,
  invalid_json: 400,
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_many_ids: 413,
  body_too_large: 413,
  internal_error: 500,
  database_unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export type IssueDetail = { path: string; message: string };

/** An expected failure of a request, answered as `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown = null,
    /** Where a code's usual status is not the whole story: an import's rows with errors answer 422. */
    private readonly statusOverride?: 422,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return this.statusOverride ?? ERROR_STATUS[this.code];
  }
}

/** Zod's issues as one `{ path, message }` per problem; an unknown key is a problem of its own. */
export function flattenIssues(issues: readonly z.core.$ZodIssue[]): IssueDetail[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: joinPath([...issue.path, key]),
        message: `Unknown field "${key}": leave it out.`,
      }));
    }
    return [{ path: joinPath(issue.path), message: issue.message }];
  });
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** A failed parse of the query string or body, with every problem listed in details. */
export function invalidInput(where: "query string" | "request body", issues: readonly z.core.$ZodIssue[]): ApiError {
  // The bulk limit gets its own status, so a client can tell "split the batch" from "fix the data".
  if (issues.some((i) => i.code === "too_big" && i.origin === "array" && i.path.at(-1) === "contactIds")) {
    return new ApiError(
      "too_many_ids",
      `Send at most ${MAX_BULK_CONTACTS.toLocaleString("en-US")} contact ids per request; split the list into batches.`,
      [{ path: "contactIds", message: `At most ${MAX_BULK_CONTACTS.toLocaleString("en-US")} ids.` }],
    );
  }
  const details = flattenIssues(issues);
  const [first] = details;
  const more =
    details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? "s" : ""}, see details)` : "";
  const what = first
    ? first.path
      ? `${first.path}: ${first.message}`
      : first.message
    : "it does not match the schema";
  return new ApiError("validation_error", `Check the ${where}: ${what}${more}`, details);
}

/**
 * The JSON response for anything a handler threw; unexpected errors are logged, never shown.
 * A 5xx body carries the request's id (the X-Request-Id of its log lines) for the caller to quote.
 */
export function errorResponse(error: unknown, requestId?: string): Response {
  const known = asApiError(error);
  if (known) return errorBody(known);
  if (isDatabaseUnavailable(error)) {
    log().error(
      { requestId, code: String((error as { code?: unknown })?.code ?? "unknown") },
      "API request failed: the database is unavailable",
    );
    return errorBody(
      new ApiError(
        "database_unavailable",
        `The database is unavailable right now; nothing was changed. Try again in ${RETRY_AFTER_SECONDS} seconds.`,
      ),
      { "retry-after": String(RETRY_AFTER_SECONDS) },
      requestId,
    );
  }
  log().error({ requestId, err: error }, "API request failed");
  return errorBody(
    new ApiError(
      "internal_error",
      `Something went wrong on our side. Try again; if it keeps failing, contact support${requestId ? ` and quote request ${requestId}` : ""}.`,
    ),
    {},
    requestId,
  );
}

function asApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) return new ApiError(error.code, error.message, error.details ?? null);
  return null;
}

function errorBody(
  { code, message, details, status }: ApiError,
  headers: Record<string, string> = {},
  requestId?: string,
): Response {
  const error = status >= 500 && requestId ? { code, message, details, requestId } : { code, message, details };
  return Response.json({ error }, { status, headers: { ...NO_STORE, ...headers } });
}
