import { readDatabaseEnv } from "@/server/db/env";
import { authSecretProblem } from "@/server/auth/auth-secret";
import { mailSettingsProblem } from "@/server/mail/mail-settings";

/**
 * What is wrong with the process's settings, as sentences an operator can act on; empty
 * when it may start. Checked once at boot (src/instrumentation.ts), so a misconfigured
 * server refuses to start instead of answering every request with a 500.
 */
export function settingsProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  try {
    const database = readDatabaseEnv(env);
    return [authSecretProblem(database, env), mailSettingsProblem(env)].filter((p): p is string => p !== null);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/**
 * A process whose settings cannot work (PostgreSQL without BETTER_AUTH_SECRET, a
 * malformed DATABASE_URL) says why and exits non-zero, instead of reporting ready and
 * answering every request with a 500.
 */
export function exitOnBadSettings(): void {
  const problems = settingsProblems();
  if (problems.length === 0) return;
  console.error(`Rollcall cannot start:\n${problems.map((p) => `- ${p}`).join("\n")}`);
  process.exit(1);
}
