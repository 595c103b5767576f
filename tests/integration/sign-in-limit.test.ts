import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildAuth } from "@/server/auth/build-auth";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { readTrustedProxies } from "@/server/auth/trusted-proxies";
import type { Database } from "@/server/db/open-database";
import { TEST_DATABASES, openTestDatabase } from "../helpers/database";
import { createCompany } from "../helpers/factories";
import { PASSWORD, createUserWithPassword } from "../helpers/sessions";
import { forwardedFor } from "../../scripts/forwarded-for.mjs";

const SECRET = "rollcall-integration-tests-only-0123456789";
/** Addresses of their own per test: the limit's rows outlive a run on PostgreSQL. */
const someIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

describe.each(TEST_DATABASES)("the sign-in limit's key, on %s", (kind) => {
  let db: Database;
  let email: string;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    ({ email } = await createUserWithPassword(db.prisma, (await createCompany(db.prisma)).id, "STANDARD"));
  });
  afterAll(() => db.close());

  /** A sign-in as the app's server hands it on: X-Forwarded-For rewritten from the connection. */
  function attempt(
    auth: ReturnType<typeof buildAuth>,
    sent: string | undefined,
    peer: string,
    behindProxies: boolean,
    extra: Record<string, string> = {},
  ) {
    const headers = new Headers(extra);
    const value = forwardedFor(sent, peer, behindProxies);
    if (value) headers.set("x-forwarded-for", value);
    return signInWithPassword(auth, headers, { email, password: "not the password" });
  }
  const reasons = (results: { ok: boolean; reason?: string }[]) => results.map((r) => (r.ok ? "ok" : r.reason));

  test("without a proxy, rotating X-Forwarded-For or X-Real-IP buys no more guesses", async () => {
    const auth = buildAuth(db.prisma, { secret: SECRET });
    const attacker = someIp();
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await attempt(auth, someIp(), attacker, false, { "x-real-ip": someIp() }));
    expect(reasons(results)).toEqual([...Array(5).fill("wrong credentials"), "rate limited", "rate limited"]);
    // Someone else, at another address, is not held back.
    const other = await signInWithPassword(auth, new Headers({ "x-forwarded-for": someIp() }), {
      email,
      password: PASSWORD,
    });
    expect(other.ok).toBe(true);
  });

  test("behind a trusted proxy, each client behind it has a bucket of its own, whatever they prepend", async () => {
    const proxy = someIp();
    const auth = buildAuth(db.prisma, { secret: SECRET, trustedProxies: readTrustedProxies(` ${proxy} , `) });
    const attacker = someIp();
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await attempt(auth, `${someIp()}, ${attacker}`, proxy, true));
    expect(reasons(results)).toEqual([...Array(5).fill("wrong credentials"), "rate limited"]);
    // A real user behind the same proxy (and a chain of two) is not put in the attacker's bucket.
    expect(await attempt(auth, `${someIp()}, ${someIp()}`, proxy, true)).toEqual({
      ok: false,
      reason: "wrong credentials",
    });
  });

  test("a misspelt trusted proxy stops the app instead of being ignored", () => {
    expect(() => readTrustedProxies("10.0.0.1, proxy.internal")).toThrow(
      /proxy\.internal is not an IP address or CIDR range/,
    );
  });
});
