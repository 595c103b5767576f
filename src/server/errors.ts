/**
 * An expected failure of a domain operation, with a message a person can act on.
 * Server actions return it as `{ error }`; API handlers map the code to an HTTP status.
 */
export class DomainError extends Error {
  constructor(
    readonly code: "not_found" | "conflict" | "invalid" | "rate_limited",
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (message: string, details?: unknown) => new DomainError("not_found", message, details);
export const conflict = (message: string, details?: unknown) => new DomainError("conflict", message, details);
