import { randomInt, randomUUID } from "node:crypto";
import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as contactsRoute from "@/app/api/v1/companies/[companyId]/contacts/route";
import * as companiesRoute from "@/app/api/v1/companies/route";
import { signInAction } from "@/features/auth/actions";
import { companySchema, contactPageSchema, contactSchema, listOf } from "@/server/api/schemas";
import { authFor } from "@/server/auth/get-auth";
import type { Database } from "@/server/db/open-database";
import {
  callApi,
  closeApiTestDatabase,
  companySnapshot,
  expectError,
  expectSuccess,
  openApiTestDatabase,
} from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany } from "../helpers/factories";
import { PASSWORD, cookieHeader, createUserWithPassword, signIn } from "../helpers/sessions";

// The sign-in action reads the request's headers and sets the session cookie through
// next/headers, which only works inside a Next.js request: these stand in for both.
const request = vi.hoisted(() => ({
  headers: new Headers(),
  cookies: new Map<string, { value: string; options: unknown }>(),
}));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    set: (name: string, value: string, options: unknown) => void request.cookies.set(name, { value, options }),
  }),
}));

/** A client address of its own per test: the rate limit's rows outlive a run on PostgreSQL. */
const someIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

function signInForm(email: string, password: string, next = "/") {
  const form = new FormData();
  form.set("email", email);
  form.set("password", password);
  form.set("next", next);
  return form;
}

/** The sign-in request a browser sends to Better Auth's own endpoint, through the app's route. */
function postSignIn(email: string, password: string, ip: string) {
  return authRoute.POST(
    new Request("http://rollcall.test/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe.each(TEST_DATABASES)("sign-in and sessions on %s", (kind) => {
  let db: Database;
  let companyId: string;

  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
    companyId = (await createCompany(db.prisma)).id;
  });
  afterAll(() => closeApiTestDatabase(db));
  beforeEach(() => {
    request.headers = new Headers({ "x-forwarded-for": someIp() });
    request.cookies.clear();
  });

  const listContacts = (cookie: string | null) =>
    callApi(contactsRoute.GET, { params: { companyId }, token: null, headers: cookie ? { cookie } : {} });
  const createContact = (cookie: string, headers: Record<string, string>) =>
    callApi(contactsRoute.POST, {
      params: { companyId },
      body: { firstName: "Cookie", lastName: "Monster" },
      token: null,
      headers: { cookie, ...headers },
    });

  test("a real sign-in's session cookie opens the API", async () => {
    const { email } = await createUserWithPassword(db.prisma, companyId, "STANDARD");
    const response = await authFor(db.prisma).api.signInEmail({
      body: { email, password: PASSWORD },
      asResponse: true,
    });
    expect(response.status).toBe(200);
    const [setCookie] = response.headers.getSetCookie();
    expect(setCookie).toMatch(/^rollcall\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    expectSuccess(await listContacts(cookieHeader(response)), contactPageSchema);
    expectError(await listContacts(null), 401, "unauthorized");
    expectError(await listContacts("rollcall.session_token=forged.value"), 401, "unauthorized");
  });

  test("with a session, GET /companies lists every company of the user and no other", async () => {
    const { userId, email } = await createUserWithPassword(db.prisma, companyId, "READ_ONLY");
    const second = await createCompany(db.prisma);
    const notTheirs = await createCompany(db.prisma);
    await db.prisma.companyMember.create({ data: { companyId: second.id, userId, directoryLevel: "ADMIN" } });
    const cookie = await signIn(db.prisma, email);
    const { data } = expectSuccess(
      await callApi(companiesRoute.GET, { token: null, headers: { cookie } }),
      listOf(companySchema),
    );
    expect(data.map((c) => c.id).sort()).toEqual([companyId, second.id].sort());
    expect(data.map((c) => c.id)).not.toContain(notTheirs.id);
  });

  test("a change with the session cookie must come from Rollcall itself", async () => {
    const { email } = await createUserWithPassword(db.prisma, companyId, "STANDARD");
    const cookie = await signIn(db.prisma, email);
    const before = await companySnapshot(db.prisma, companyId);

    const fromEvil = expectError(await createContact(cookie, { origin: "http://evil.example" }), 403, "forbidden");
    expect(fromEvil.message).toMatch(/API token/);
    expectError(await createContact(cookie, { origin: "null" }), 403, "forbidden");
    expectError(await createContact(cookie, {}), 403, "forbidden");
    expectError(await createContact(cookie, { "sec-fetch-site": "cross-site" }), 403, "forbidden");
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);

    expectSuccess(await createContact(cookie, { origin: "http://rollcall.test" }), contactSchema, 201);
    expectSuccess(await createContact(cookie, { "sec-fetch-site": "same-origin" }), contactSchema, 201);
    // Reading is no change: another site's page cannot read the answer anyway.
    expect(
      (
        await callApi(contactsRoute.GET, {
          params: { companyId },
          token: null,
          headers: { cookie, origin: "http://evil.example" },
        })
      ).status,
    ).toBe(200);
  });

  test("after signing out, the cookie opens nothing", async () => {
    const { userId, email } = await createUserWithPassword(db.prisma, companyId, "STANDARD");
    const cookie = await signIn(db.prisma, email);
    expect((await listContacts(cookie)).status).toBe(200);
    await authFor(db.prisma).api.signOut({ headers: new Headers({ cookie }) });
    expectError(await listContacts(cookie), 401, "unauthorized");
    expect(await db.prisma.session.count({ where: { userId } })).toBe(0);
  });

  test("an expired session opens nothing", async () => {
    const { userId, email } = await createUserWithPassword(db.prisma, companyId, "STANDARD");
    const cookie = await signIn(db.prisma, email);
    expect((await listContacts(cookie)).status).toBe(200);
    await db.prisma.session.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectError(await listContacts(cookie), 401, "unauthorized");
  });

  test("a session lasts a working day", async () => {
    const { userId, email } = await createUserWithPassword(db.prisma, companyId, "STANDARD");
    await signIn(db.prisma, email);
    const session = await db.prisma.session.findFirstOrThrow({ where: { userId } });
    const hours = (session.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
  });

  test("passwords are stored only as a hash", async () => {
    const { userId } = await createUserWithPassword(db.prisma, companyId, "STANDARD");
    const account = await db.prisma.account.findFirstOrThrow({ where: { userId, providerId: "credential" } });
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain(PASSWORD);
    expect(await verifyPassword({ hash: account.password!, password: PASSWORD })).toBe(true);
    expect(await verifyPassword({ hash: account.password!, password: `${PASSWORD}!` })).toBe(false);
  });

  describe("refusals", () => {
    test("a wrong password and an unknown email are refused alike, and open no session", async () => {
      const { userId, email } = await createUserWithPassword(db.prisma, companyId, "STANDARD");
      const auth = authFor(db.prisma);
      const wrongPassword = await auth.api.signInEmail({
        body: { email, password: "not the password" },
        asResponse: true,
      });
      const unknownEmail = await auth.api.signInEmail({
        body: { email: `nobody-${randomUUID()}@example.com`, password: PASSWORD },
        asResponse: true,
      });
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      expect(await wrongPassword.json()).toEqual(await unknownEmail.json());
      expect(wrongPassword.headers.getSetCookie()).toEqual([]);
      expect(await db.prisma.session.count({ where: { userId } })).toBe(0);
    });

    test("the sign-in form shows one message for a wrong password and for an unknown email", async () => {
      const { email } = await createUserWithPassword(db.prisma, companyId, "STANDARD");
      const wrongPassword = await signInAction({}, signInForm(email, "not the password"));
      const unknownEmail = await signInAction({}, signInForm(`nobody-${randomUUID()}@example.com`, PASSWORD));
      expect(wrongPassword.message).toBe("That email and password don't match. Check both and try again.");
      expect(unknownEmail.message).toBe(wrongPassword.message);
      expect(request.cookies.size).toBe(0);
    });

    test("the sign-in form signs in, sets the session cookie and goes to a path on this site only", async () => {
      const { email } = await createUserWithPassword(db.prisma, companyId, "STANDARD");
      await expect(signInAction({}, signInForm(email, PASSWORD, "/companies"))).rejects.toMatchObject({
        digest: expect.stringMatching(/^NEXT_REDIRECT;\w+;\/companies;/),
      });
      const session = request.cookies.get("rollcall.session_token");
      expect(session?.options).toMatchObject({ httpOnly: true, path: "/" });
      const cookie = `rollcall.session_token=${encodeURIComponent(session!.value)}`;
      expect((await listContacts(cookie)).status).toBe(200);

      await expect(signInAction({}, signInForm(email, PASSWORD, "//evil.example/x"))).rejects.toMatchObject({
        digest: expect.stringMatching(/^NEXT_REDIRECT;\w+;\/;/),
      });
    });
  });

  describe("rate limit: 5 sign-in attempts a minute per client address", () => {
    test("on Better Auth's endpoint, the 6th attempt is refused with 429, even with the right password", async () => {
      const { email } = await createUserWithPassword(db.prisma, companyId, "STANDARD");
      const ip = someIp();
      for (let attempt = 1; attempt <= 5; attempt++)
        expect((await postSignIn(email, "not the password", ip)).status).toBe(401);
      const sixth = await postSignIn(email, PASSWORD, ip);
      expect(sixth.status).toBe(429);
      expect(sixth.headers.getSetCookie()).toEqual([]);
      // Another address is not held back by this one.
      expect((await postSignIn(email, PASSWORD, someIp())).status).toBe(200);
    });

    test("the sign-in form is limited the same way, per x-forwarded-for", async () => {
      const { email } = await createUserWithPassword(db.prisma, companyId, "STANDARD");
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect((await signInAction({}, signInForm(email, "not the password"))).message).toMatch(/don't match/);
      }
      const sixth = await signInAction({}, signInForm(email, PASSWORD));
      expect(sixth.message).toBe("Too many sign-in attempts. Wait a minute, then try again.");
      expect(request.cookies.size).toBe(0);

      request.headers = new Headers({ "x-forwarded-for": someIp() });
      await expect(signInAction({}, signInForm(email, PASSWORD))).rejects.toMatchObject({
        digest: expect.stringMatching(/^NEXT_REDIRECT/),
      });
    });
  });
});
