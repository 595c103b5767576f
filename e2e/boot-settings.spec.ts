import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startAppProcess, stopAppProcess } from "./app-process";

/** Starts the built app with these settings and waits until it exits or serves (at most 60 s). */
async function startApp(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rollcall-boot-"));
  const child = startAppProcess(3297, { ROLLCALL_DATA_DIR: dataDir, BETTER_AUTH_SECRET: "", ...env }, "pipe");
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => void stopAppProcess(child).then(() => resolve(null)), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { exitCode, output };
}

test("the server refuses to start on PostgreSQL without BETTER_AUTH_SECRET, saying so, with a non-zero exit", async () => {
  // Nothing listens on this port: the check must come before any connection is tried.
  const { exitCode, output } = await startApp({ DATABASE_URL: "postgres://rollcall:secret@127.0.0.1:1/rollcall" });
  expect(exitCode).not.toBe(0);
  expect(exitCode).not.toBeNull();
  expect(output).toContain("Rollcall cannot start");
  expect(output).toContain("Set BETTER_AUTH_SECRET");
  expect(output).not.toContain("secret@");
});

test("the server refuses a DATABASE_URL that is not a postgres:// URL", async () => {
  const { exitCode, output } = await startApp({
    DATABASE_URL: "mysql://localhost/rollcall",
    BETTER_AUTH_SECRET: "x".repeat(40),
  });
  expect(exitCode).not.toBe(0);
  expect(exitCode).not.toBeNull();
  expect(output).toContain("DATABASE_URL must be a postgres:// or postgresql:// URL");
});
