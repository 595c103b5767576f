import "server-only";
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
  const given = processEnv.BETTER_AUTH_SECRET;
  if (given) {
    if (given.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters long.");
    return given;
  }
  if (env.DATABASE_URL) {
    throw new Error("Set BETTER_AUTH_SECRET (32 or more random characters) to run on PostgreSQL.");
  }
  const file = path.resolve(process.cwd(), env.ROLLCALL_DATA_DIR, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}
