import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";

// What an outsider tries from a browser, against the real server.

test.describe("sign-in's next parameter", () => {
  test("signed in, a next that leaves the site lands on this site; odd characters never fail the page", async ({
    page,
    baseURL,
  }) => {
    for (const next of [
      "/%09/evil.example",
      "/%0A/evil.example",
      "/%0D/evil.example",
      "/%E3%80%82evil.example",
      "//evil.example",
      "/%5Cevil.example",
    ]) {
      const response = await page.goto(`/sign-in?next=${next}`);
      expect(response?.status(), next).toBeLessThan(500);
      expect(new URL(page.url()).origin, next).toBe(baseURL);
    }
  });

  test.describe("signed out", () => {
    test.use({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "x-forwarded-for": "127.0.3.1" } });

    test("signing in through the form with a next that leaves the site goes home", async ({ page, baseURL }) => {
      await page.goto("/sign-in?next=/%09/evil.example");
      await page.getByLabel("Email").fill("readonly@rollcall.test");
      await page.getByLabel("Password").fill("rollcall-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("navigation", { name: "Directory" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(baseURL);
    });
  });
});

test.describe("the JSON API's unknown paths and methods", () => {
  test("an unknown path is a JSON 404, a wrong method a JSON 405 with Allow, neither cached", async ({ request }) => {
    const unknown = await request.get("/api/v1/no/such/thing");
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()["cache-control"]).toBe("no-store");
    expect((await unknown.json()).error.code).toBe("not_found");
    const wrongMethod = await request.delete("/api/v1/companies");
    expect(wrongMethod.status()).toBe(405);
    expect(wrongMethod.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
    expect((await wrongMethod.json()).error.code).toBe("method_not_allowed");
    const listed = await request.get("/api/v1/companies");
    expect(listed.status()).toBe(200);
    expect(listed.headers()["cache-control"]).toBe("no-store");
  });
});

test.describe("server actions given what no form sends", () => {
  /** The sign-in action's id, as the built app's pages name it to the browser. */
  function signInActionId(): string {
    const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
      node: Record<string, { exportedName: string; filename: string }>;
    };
    const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === "signInAction");
    return found![0];
  }
  const post = (request: APIRequestContext, data: string | Buffer) =>
    request.post("/sign-in", {
      headers: { "next-action": signInActionId(), "content-type": "text/plain;charset=UTF-8" },
      data,
    });

  test("a 10 MB body is refused with 413, and arguments that are no form with a message", async ({ request }) => {
    expect((await post(request, Buffer.alloc(10 * 1024 * 1024, "a"))).status()).toBe(413);
    expect((await post(request, JSON.stringify([{}, "not a form"]))).status()).toBe(200);
  });
});
