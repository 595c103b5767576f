import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseEnv } from "@/server/db/env";

/**
 * The key that signs session cookies. Production (DATABASE_URL) must set
 * BETTER_AUTH_SECRET; the embedded database keeps a random one beside its data, so a new
 * user needs no setup and sessions survive restarts.
 */
export function readAuthSecret(env: DatabaseEnv, processEnv: NodeJS.ProcessEnv = process.env): string {
  const problem = authSecretProblem(env, processEnv);
  if (problem) throw new Error(problem);
  const given = processEnv.BETTER_AUTH_SECRET;
  if (given) return given;
  const file = path.resolve(process.cwd(), env.ROLLCALL_DATA_DIR, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}

/** Why the settings give no usable secret, or null. */
export function authSecretProblem(env: DatabaseEnv, processEnv: NodeJS.ProcessEnv = process.env): string | null {
  const given = processEnv.BETTER_AUTH_SECRET;
  if (given) return given.length < 32 ? "BETTER_AUTH_SECRET must be at least 32 characters long." : null;
  if (env.DATABASE_URL)
    return "Set BETTER_AUTH_SECRET (32 or more random characters) to run on PostgreSQL (DATABASE_URL is set).";
  return null;
}
