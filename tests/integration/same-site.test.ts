import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import * as contactsRoute from "@/app/api/v1/companies/[companyId]/contacts/route";
import type { Database } from "@/server/db/open-database";
import { callApi, closeApiTestDatabase, companySnapshot, expectError, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany } from "../helpers/factories";
import { createUserWithPassword, signIn } from "../helpers/sessions";

describe.each(TEST_DATABASES)("cookie changes come from the app's own origin only, on %s", (kind) => {
  let db: Database;
  let companyId: string;
  let cookie: string;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
    companyId = (await createCompany(db.prisma)).id;
    cookie = await signIn(db.prisma, (await createUserWithPassword(db.prisma, companyId, "STANDARD")).email);
  });
  afterAll(() => closeApiTestDatabase(db));
  afterEach(() => vi.unstubAllEnvs());

  // callApi sends its requests to http://rollcall.test.
  const create = (headers: Record<string, string>) =>
    callApi(contactsRoute.POST, {
      params: { companyId },
      body: { firstName: "Same", lastName: "Site" },
      token: null,
      headers: { cookie, ...headers },
    });

  test.each([
    ["another scheme", { origin: "https://rollcall.test" }],
    ["another port", { origin: "http://rollcall.test:3201" }],
    ["a forwarded host naming the attacker", { origin: "http://evil.example", "x-forwarded-host": "evil.example" }],
    ["a host header naming the attacker", { origin: "http://evil.example", host: "evil.example" }],
  ])("%s is refused", async (_, headers) => {
    const before = await companySnapshot(db.prisma, companyId);
    expectError(await create(headers), 403, "forbidden");
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
  });

  test("the configured app URL is the origin that counts", async () => {
    vi.stubEnv("BETTER_AUTH_URL", "https://rollcall.example.com");
    expect((await create({ origin: "https://rollcall.example.com" })).status).toBe(201);
    expectError(await create({ origin: "http://rollcall.test" }), 403, "forbidden");
    vi.unstubAllEnvs();
    expect((await create({ origin: "http://rollcall.test" })).status).toBe(201);
  });
});
