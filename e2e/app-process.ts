import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";

/**
 * The built app as `npm run serve` runs it (scripts/serve.mjs), in a process group of its
 * own, so that stopping it stops every process it started.
 */
export function startAppProcess(
  port: number,
  env: Record<string, string | undefined>,
  stdio: "ignore" | "pipe" = "ignore",
): ChildProcess {
  return spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      PORT: String(port),
      ROLLCALL_HOST: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", stdio, stdio],
    detached: true,
  });
}

/** Stops an app process and everything it started; resolves once it has exited. */
export async function stopAppProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

/** Resolves once the app at this base URL answers its readiness probe with 200. */
export async function waitUntilReady(base: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${base} did not become ready within ${timeoutMs / 1000} s`);
}

/**
 * A fresh PostgreSQL database on the server TEST_DATABASE_URL names, migrated and given
 * the demo data by the same script an operator runs (`npm run db:seed`, with `seedArgs`
 * such as `--contacts 100000` for a large company too).
 */
export async function createSeededDatabase(
  purpose: string,
  via?: (url: URL) => URL,
  seedArgs: string[] = [],
): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL!;
  const name = `rollcall_${purpose}_${process.pid}_${Date.now().toString(36)}`;
  await onServer(server, `CREATE DATABASE "${name}"`);
  const target = new URL(server);
  target.pathname = `/${name}`;
  const url = (via ? via(target) : target).toString();
  await new Promise<void>((resolve, reject) =>
    spawn(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/db-seed.ts", ...seedArgs],
      {
        env: { ...process.env, DATABASE_URL: url },
        stdio: ["ignore", "ignore", "inherit"],
      },
    ).on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`db:seed exited with ${code}`)))),
  );
  return { url, drop: () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function onServer(server: string, statement: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
