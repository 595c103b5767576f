import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests: real Chromium against the real built app (`next build` runs first,
 * see the `test:e2e` script) on a fresh embedded PGlite database, which the app creates,
 * migrates and seeds with the deterministic demo company on its first request.
 *
 * The config file is evaluated by the runner and again by each worker process; only the
 * runner starts the web server, so the data dir is made once and handed on through the
 * environment. Workers never open the database (PGlite allows one process per data dir):
 * tests check what the database holds through the app's pages.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://127.0.0.1:${PORT}`;
/** The SMTP server the users spec runs (e2e/users.spec.ts): the app mails through it. Nothing listens there otherwise. */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 10_000);

if (!process.env.ROLLCALL_E2E_DATA_DIR) {
  const created = fs.mkdtempSync(path.join(os.tmpdir(), "rollcall-e2e-"));
  process.env.ROLLCALL_E2E_DATA_DIR = created;
  // The runner exits after it has stopped the web server; E2E_KEEP_DATA=1 keeps the database to inspect.
  if (!process.env.E2E_KEEP_DATA) process.on("exit", () => fs.rmSync(created, { recursive: true, force: true }));
}
const dataDir = process.env.ROLLCALL_E2E_DATA_DIR;
fs.mkdirSync(path.join(dataDir, "auth"), { recursive: true });

/** Where the sign-in setup keeps a demo user's cookies. */
export function signedIn(user: "admin" | "standard" | "readonly" | "pm") {
  return path.join(dataDir, "auth", `${user}.json`);
}

const defaultChromium = "/usr/bin/chromium";
const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync(defaultChromium) ? defaultChromium : undefined);

export default defineConfig({
  testDir: "./e2e",
  outputDir: "test-results",
  // One embedded database that the tests change: one worker, files in order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: BASE_URL,
    screenshot: "on",
    trace: "retain-on-failure",
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // Signs each demo user in once; specs start signed in (as the admin unless they say).
    { name: "sign-in", testMatch: /sign-in\.setup\.ts/, use: { browserName: "chromium" } },
    {
      name: "chromium",
      dependencies: ["sign-in"],
      use: { browserName: "chromium", storageState: signedIn("admin") },
    },
  ],
  webServer: {
    // The app's own server (npm run serve), which takes the client's address from the connection.
    command: "node scripts/serve.mjs",
    // The server is ready once instrumentation has opened, migrated and seeded the database.
    url: `${BASE_URL}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      ROLLCALL_DATA_DIR: dataDir,
      ROLLCALL_DEMO_DATA: "auto",
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      PORT: String(PORT),
      ROLLCALL_HOST: "127.0.0.1",
      // The test runner stands in for a proxy: a spec's own X-Forwarded-For gives it a rate-limit bucket of its own.
      ROLLCALL_TRUSTED_PROXIES: "127.0.0.1",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      MAIL_FROM: "Rollcall <rollcall@example.com>",
    },
  },
});
