import type { ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createSeededDatabase, startAppProcess, stopAppProcess, waitUntilReady } from "./app-process";
import { COMPANY_ID } from "./support";

/**
 * Rollcall scales out as identical `next start` processes behind a load balancer, with
 * PostgreSQL the one source of truth: nothing one process needs may live in another's
 * memory. Three processes on one fresh database; each request goes to a chosen one.
 */
const url = process.env.TEST_DATABASE_URL;
const title = "three app processes on one PostgreSQL";
const PORTS = [3311, 3312, 3313];
const SECRET = "rollcall-multi-process-tests-only-0123456789";

test.describe.configure({ mode: "serial" });

test.describe(url ? title : `${title} (skipped: TEST_DATABASE_URL is not set)`, () => {
  test.skip(!url, "needs PostgreSQL: TEST_DATABASE_URL is not set");
  test.setTimeout(180_000);

  let database: Awaited<ReturnType<typeof createSeededDatabase>>;
  let sql: pg.Pool;
  let processes: ChildProcess[] = [];
  let token: string;
  const base = (i: number) => `http://127.0.0.1:${PORTS[i % PORTS.length]}`;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    // The demo data, through the same script an operator runs (it migrates first).
    database = await createSeededDatabase("multi");
    sql = new pg.Pool({ connectionString: database.url, max: 2 });
    token = `rc_${randomBytes(32).toString("base64url")}`;
    await sql.query(
      `INSERT INTO "ApiToken" ("companyId", "userId", name, "tokenHash", prefix)
       SELECT $1, u.id, 'multi-process test', $2, $3 FROM "User" u WHERE u.email = 'admin@rollcall.test'`,
      [COMPANY_ID, createHash("sha256").update(token).digest("hex"), token.slice(0, 10)],
    );

    processes = PORTS.map((port) => startAppProcess(port, { DATABASE_URL: database.url, BETTER_AUTH_SECRET: SECRET }));
    await Promise.all(PORTS.map((_, i) => waitUntilReady(base(i))));
  });

  test.afterAll(async () => {
    await Promise.all(processes.map(stopAppProcess));
    await sql?.end();
    await database?.drop();
  });

  const auth = () => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });
  const contactIds = async (status: "ACTIVE" | "INACTIVE", limit: number) =>
    (
      await sql.query<{ id: string }>(
        `SELECT id FROM "Contact" WHERE "companyId" = $1 AND status = $2 ORDER BY id LIMIT $3`,
        [COMPANY_ID, status, limit],
      )
    ).rows.map((r) => r.id);

  test("overlapping bulk changes sent to different processes keep every invariant and a complete history", async ({
    request,
  }) => {
    const ids = [...(await contactIds("ACTIVE", 60)), ...(await contactIds("INACTIVE", 30))].sort();
    const responses = await Promise.all(
      Array.from({ length: 18 }, (_, i) => {
        const window = ids.filter((_, k) => (k + i) % 3 !== 0);
        const verb = i % 2 === 0 ? "bulk_inactivate" : "bulk_reactivate";
        return post(request, `${base(i)}/api/v1/companies/${COMPANY_ID}/contacts/${verb}`, {
          contactIds: window,
          reason: `process ${i % 3}`,
        });
      }),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    const changed = responses.reduce((n, r) => n + (r.body as { changed: number }).changed, 0);

    const [{ events }] = (
      await sql.query<{ events: number }>(
        `SELECT count(*)::int AS events FROM "ContactEvent" WHERE "companyId" = $1 AND action IN ('contact.inactivated', 'contact.reactivated')`,
        [COMPANY_ID],
      )
    ).rows as [{ events: number }];
    expect(events).toBe(changed);
    const [{ violations }] = (
      await sql.query<{ violations: number }>(
        `SELECT count(*)::int AS violations FROM "ProjectContact" pc JOIN "Contact" c ON c."companyId" = pc."companyId" AND c.id = pc."contactId"
         WHERE pc."companyId" = $1 AND c.status = 'INACTIVE' AND pc.status = 'ACTIVE'`,
        [COMPANY_ID],
      )
    ).rows as [{ violations: number }];
    expect(violations).toBe(0);
    // Each contact's history alternates and ends in its current status.
    const { rows: broken } = await sql.query(
      `WITH e AS (
         SELECT "contactId", changes->'status'->>'from' AS "from", changes->'status'->>'to' AS "to",
                lag(changes->'status'->>'to') OVER (PARTITION BY "contactId" ORDER BY seq) AS previous,
                row_number() OVER (PARTITION BY "contactId" ORDER BY seq DESC) AS newest
         FROM "ContactEvent" WHERE "companyId" = $1 AND changes ? 'status')
       SELECT e."contactId" FROM e JOIN "Contact" c ON c."companyId" = $1 AND c.id = e."contactId"
       WHERE (e.previous IS NOT NULL AND e.previous <> e."from") OR (e.newest = 1 AND e."to" <> c.status::text)`,
      [COMPANY_ID],
    );
    expect(broken).toEqual([]);
  });

  test("the same Idempotency-Key sent to all three processes at once makes one change", async ({ request }) => {
    const ids = await contactIds("ACTIVE", 5);
    const key = randomUUID();
    const responses = await Promise.all(
      PORTS.map((_, i) =>
        post(
          request,
          `${base(i)}/api/v1/companies/${COMPANY_ID}/contacts/bulk_inactivate`,
          { contactIds: ids },
          { "idempotency-key": key },
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    const batchIds = new Set(responses.map((r) => (r.body as { batchId: string }).batchId));
    expect(batchIds.size).toBe(1);
    const { rows } = await sql.query(`SELECT id FROM "ChangeBatch" WHERE "companyId" = $1 AND id = ANY($2::uuid[])`, [
      COMPANY_ID,
      [...batchIds],
    ]);
    expect(rows).toHaveLength(1);
    expect(responses.map((r) => (r.body as { changed: number }).changed)).toEqual([5, 5, 5]);
  });

  test("an undo sent to one process takes back a change made through another", async ({ request }) => {
    const ids = await contactIds("ACTIVE", 4);
    const made = await post(request, `${base(0)}/api/v1/companies/${COMPANY_ID}/contacts/bulk_inactivate`, {
      contactIds: ids,
    });
    expect(made.status).toBe(200);
    const { batchId } = made.body as { batchId: string };
    const undone = await post(request, `${base(1)}/api/v1/companies/${COMPANY_ID}/batches/${batchId}/undo`, {});
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    const { rows } = await sql.query<{ status: string }>(
      `SELECT status::text AS status FROM "Contact" WHERE "companyId" = $1 AND id = ANY($2::uuid[])`,
      [COMPANY_ID, ids],
    );
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => "ACTIVE"));
    // A second undo, through the third process, finds it already undone.
    expect((await post(request, `${base(2)}/api/v1/companies/${COMPANY_ID}/batches/${batchId}/undo`, {})).status).toBe(
      409,
    );
  });

  test("a session made through one process is honoured by the others, and a token revoked through one is refused by the others", async ({
    browser,
    request,
  }) => {
    const list = (i: number) => request.get(`${base(i)}/api/v1/companies`, { headers: auth() });
    expect((await list(1)).status()).toBe(200);
    expect((await list(2)).status()).toBe(200);

    const context = await browser.newContext({ storageState: undefined });
    const page = await context.newPage();
    await page.goto(`${base(0)}/sign-in`);
    await page.getByLabel("Email").fill("admin@rollcall.test");
    await page.getByLabel("Password").fill("rollcall-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("navigation", { name: "Directory" })).toBeVisible();
    // Cookies belong to the host, not the port: the same session reaches the second process.
    await page.goto(`${base(1)}/companies/${COMPANY_ID}/settings/api-tokens`);
    await page.getByRole("button", { name: "Revoke multi-process test" }).click();
    await expect(page.getByText("Revoked multi-process test")).toBeVisible();
    await context.close();

    expect((await list(0)).status()).toBe(401);
    expect((await list(2)).status()).toBe(401);
  });

  test("sign-in attempts over the limit are refused however they are spread across the processes", async ({
    request,
  }) => {
    const attempt = async (i: number) =>
      (
        await request.post(`${base(i)}/api/auth/sign-in/email`, {
          data: { email: "admin@rollcall.test", password: `wrong-${i}` },
          headers: { origin: base(i) },
        })
      ).status();
    // The limit is 5 a minute per client, counted in the database; earlier sign-ins count too.
    const statuses: number[] = [];
    for (let i = 0; i < 6 && !statuses.includes(429); i++) statuses.push(await attempt(i));
    expect(statuses, statuses.join(", ")).toContain(429);
    expect(await Promise.all(PORTS.map((_, i) => attempt(i)))).toEqual([429, 429, 429]);
  });

  async function post(request: APIRequestContext, to: string, data: unknown, headers: Record<string, string> = {}) {
    const response = await request.post(to, { data, headers: { ...auth(), ...headers } });
    return { status: response.status(), body: (await response.json()) as unknown };
  }
});
