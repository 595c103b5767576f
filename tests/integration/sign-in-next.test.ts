import { randomInt } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import SignInPage from "@/app/sign-in/page";
import { signInAction } from "@/features/auth/actions";
import type { Database } from "@/server/db/open-database";
import { closeApiTestDatabase, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany } from "../helpers/factories";
import { PASSWORD, createUserWithPassword, signIn } from "../helpers/sessions";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ set: () => undefined }),
}));

/** Where a thrown Next.js redirect sends the browser (its Location header). */
async function redirectTarget(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => null,
    (e: unknown) => e as { digest?: string },
  );
  const match = /^NEXT_REDIRECT;\w+;(.*);\d{3};/s.exec(error?.digest ?? "");
  if (!match) throw new Error(`No redirect: ${String(error)}`);
  return match[1]!;
}

// What `next` holds once the query string is decoded: each of these once sent Chromium off-site or failed with 500.
const HOSTILE = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\r\nSet-Cookie: x=1",
  "/\\evil.example",
  "//evil.example",
  "//evil。example",
  "///evil.example",
  "https://evil.example",
  "/\u0000",
];

describe.each(TEST_DATABASES)("where sign-in sends the browser, on %s", (kind) => {
  let db: Database;
  let email: string;

  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
    ({ email } = await createUserWithPassword(db.prisma, (await createCompany(db.prisma)).id, "STANDARD"));
  });
  afterAll(() => closeApiTestDatabase(db));
  beforeEach(() => {
    request.headers = new Headers({ "x-forwarded-for": `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` });
  });

  const form = (next: string) => {
    const data = new FormData();
    data.set("email", email);
    data.set("password", PASSWORD);
    data.set("next", next);
    return data;
  };

  test.each(HOSTILE)("the sign-in form sends %j home", async (next) => {
    expect(await redirectTarget(() => signInAction({}, form(next)))).toBe("/");
  });

  test.each(HOSTILE)("the sign-in page, signed in, sends %j home", async (next) => {
    request.headers = new Headers({ cookie: await signIn(db.prisma, email) });
    expect(await redirectTarget(() => SignInPage({ searchParams: Promise.resolve({ next }) }))).toBe("/");
  });

  test("a path on this site is kept, query and all, and sent percent-encoded", async () => {
    expect(await redirectTarget(() => signInAction({}, form("/。evil.example")))).toBe("/%E3%80%82evil.example");
    expect(await redirectTarget(() => signInAction({}, form("/companies/x/directory/contacts?q=núñez&page=2")))).toBe(
      "/companies/x/directory/contacts?q=n%C3%BA%C3%B1ez&page=2",
    );
    request.headers = new Headers({ cookie: await signIn(db.prisma, email) });
    expect(await redirectTarget(() => SignInPage({ searchParams: Promise.resolve({ next: "/companies" }) }))).toBe(
      "/companies",
    );
  });
});
