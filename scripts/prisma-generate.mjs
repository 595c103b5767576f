// Runs `prisma generate` offline. Prisma's CLI insists on locating its native schema
// engine even for `generate`, which never uses it, and tries to download one it cannot
// reach here; pointing it at any executable (this Node binary) satisfies the check.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= process.execPath;
const result = spawnSync("prisma", ["generate"], { stdio: "inherit", env, shell: process.platform === "win32" });
process.exit(result.status ?? 1);
