import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";

/**
 * What a log line never carries, wherever it sits in the logged object: passwords,
 * tokens, cookies, secrets, connection strings. The keys are matched one and two levels
 * deep (`password`, `body.password`, `headers.cookie`) — deep enough for what Rollcall
 * logs: errors, requests and their headers.
 */
const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "tokenHash",
  "secret",
  "authorization",
  "cookie",
  "set-cookie",
  "apiKey",
  "databaseUrl",
  "DATABASE_URL",
  "BETTER_AUTH_SECRET",
];
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** The app's structured JSON logger; LOG_LEVEL (trace … fatal, silent) sets the level, info by default. */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL || "info",
      base: { service: "rollcall", pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

const globalForLog = globalThis as typeof globalThis & { rollcallLogger?: Logger };

/** The process's logger. */
export function log(): Logger {
  return (globalForLog.rollcallLogger ??= createLogger());
}

/** Points log() at another logger, or back at a fresh default one with undefined (tests read what was logged). */
export function provideLogger(logger: Logger | undefined): void {
  globalForLog.rollcallLogger = logger;
}

/**
 * The id scripts/serve.mjs gives each request (X-Request-Id), so a line here and the
 * server's access line for the same request can be found together.
 */
export function requestIdOf(headers: Headers | { get(name: string): string | null } | undefined): string | undefined {
  return headers?.get("x-request-id") ?? undefined;
}
