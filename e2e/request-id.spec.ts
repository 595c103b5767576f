import { expect, test } from "@playwright/test";

// Every response names its request, so a user or an integration can quote it and an
// operator finds the server's log lines for it (scripts/request-log.mjs).

test("every response carries an X-Request-Id of its own", async ({ request }) => {
  const ids = [];
  for (const path of ["/api/health", "/api/health", "/sign-in"]) {
    const response = await request.get(path);
    expect(response.status()).toBeLessThan(400);
    ids.push(response.headers()["x-request-id"]);
  }
  for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(new Set(ids).size).toBe(3);
});

test("behind a trusted proxy the proxy's request id is kept; an odd one is replaced", async ({ request }) => {
  // The e2e server trusts 127.0.0.1 as its proxy (playwright.config.ts).
  const kept = await request.get("/api/health", { headers: { "x-request-id": "lb-7f3a9c21-0001" } });
  expect(kept.headers()["x-request-id"]).toBe("lb-7f3a9c21-0001");
  const odd = await request.get("/api/health", { headers: { "x-request-id": "<script>alert(1)</script>" } });
  expect(odd.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});
