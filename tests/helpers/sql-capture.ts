import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Every distinct SQL statement the integration suite sends through Prisma, one file per
 * worker process, for tests/routing/statement-routing.test.ts to read after the suite.
 * The integration project's global setup makes a directory for this run and names it in
 * the environment its workers (and the routing project's, which run after) inherit; a
 * run of a single file elsewhere never mixes its statements in.
 */
const ENV = "ROLLCALL_SQL_CAPTURE_DIR";

export function captureDir(): string | undefined {
  return process.env[ENV] || undefined;
}

/** Called once per run by the global setup: a fresh directory; those of finished runs are removed. */
export function startCapture(): void {
  const root = path.join(os.tmpdir(), "rollcall-sql-capture");
  mkdirSync(root, { recursive: true });
  for (const old of readdirSync(root)) {
    if (!isRunning(Number(old.split("-")[0]))) rmSync(path.join(root, old), { recursive: true, force: true });
  }
  const dir = path.join(root, `${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(dir, { recursive: true });
  process.env[ENV] = dir;
}

const seen = new Set<string>();

/** Notes a statement once per worker (files are appended as statements first appear). */
export function recordStatement(query: string): void {
  const dir = captureDir();
  if (!dir || seen.has(query)) return;
  seen.add(query);
  appendFileSync(path.join(dir, `${process.pid}.ndjson`), `${JSON.stringify(query)}\n`);
}

/** The distinct statements every worker of this run recorded. */
export function readCapturedStatements(): string[] {
  const dir = captureDir();
  if (!dir) return [];
  const all = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ndjson"))) {
    for (const line of readFileSync(path.join(dir, file), "utf8").split("\n")) {
      if (line) all.add(JSON.parse(line) as string);
    }
  }
  return [...all];
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
