import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { startTcpProxy } from "../tests/helpers/tcp-proxy";
import { createSeededDatabase, startAppProcess, stopAppProcess, waitUntilReady } from "./app-process";
import { CONTACTS_PATH, snap } from "./support";

/**
 * The app on PostgreSQL through a TCP proxy the test cuts, as a network outage would:
 * pages say the database is unavailable (never "no contacts"), the API answers 503, and
 * both recover by themselves once the database is back.
 */
const url = process.env.TEST_DATABASE_URL;
const title = "the app while PostgreSQL is unreachable";
const PORT = 3321;
const BASE = `http://127.0.0.1:${PORT}`;

test.describe(url ? title : `${title} (skipped: TEST_DATABASE_URL is not set)`, () => {
  test.skip(!url, "needs PostgreSQL: TEST_DATABASE_URL is not set");
  test.setTimeout(180_000);

  let database: Awaited<ReturnType<typeof createSeededDatabase>>;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let app: ChildProcess;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const server = new URL(url!);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    // The app reaches the database only through the proxy.
    database = await createSeededDatabase("outage", (target) => {
      target.host = `127.0.0.1:${proxy.port}`;
      return target;
    });
    const env = { DATABASE_URL: database.url, BETTER_AUTH_SECRET: "rollcall-outage-tests-only-0123456789abcdef" };
    app = startAppProcess(PORT, env);
    await waitUntilReady(BASE);
  });

  test.afterAll(async () => {
    await stopAppProcess(app);
    await proxy?.restore().catch(() => {});
    await database?.drop();
    await proxy?.close();
  });

  test("a directory page says the database is unavailable while it is cut, and shows the contacts again once it is back", async ({
    browser,
  }, testInfo) => {
    const context = await browser.newContext({ storageState: undefined, baseURL: BASE });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("admin@rollcall.test");
    await page.getByLabel("Password").fill("rollcall-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("navigation", { name: "Directory" })).toBeVisible();

    await proxy.cut();
    await page.goto(CONTACTS_PATH);
    await expect(page.getByRole("alert").filter({ hasText: "The database is unavailable right now" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    await snap(page, testInfo, "database-unavailable");
    const api = await fetch(`${BASE}/api/ready`);
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe("5");

    await proxy.restore();
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("searchbox", { name: "Search contacts" })).toBeVisible({ timeout: 20_000 });
    await context.close();
  });
});
