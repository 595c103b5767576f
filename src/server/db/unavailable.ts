/**
 * Whether an error means the database cannot be reached right now (refused, reset,
 * timed out, shutting down), as opposed to a bug or a bad statement. Such a request
 * answers 503 with Retry-After; the pool reconnects by itself once the database is back.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const { code, message, kind, name, cause, meta } = error as Record<string, unknown>;
  if (typeof code === "string" && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || SERVER_CODES.test(code)))
    return true;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (typeof message === "string" && MESSAGES.test(message)) return true;
  if (name === "PrismaClientInitializationError") return true;
  // A raw query's failure (P2010) carries the driver adapter's error in its meta.
  const adapterError = (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  return isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable(adapterError, depth + 1);
}

const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
]);
/** Prisma's "can't reach", "timed out", "server closed the connection", "pool timeout". */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
/** PostgreSQL: connection exceptions (08…), shutting down or starting up (57P01–57P03), too many connections (53300). */
const SERVER_CODES = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** @prisma/adapter-pg's names for socket errors. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
/** What node-postgres says when a connection drops or cannot be made in time. */
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Connection terminated due to connection timeout|Client has encountered a connection error/i;
