import "server-only";
import type { Auth } from "./build-auth";

/** What the sign-in request carries over: the client's address (the rate limit's key) and browser. */
const FORWARDED_HEADERS = ["x-forwarded-for", "user-agent"];

export type SignInResult =
  | { ok: true; /** The session cookie, to hand to the browser. */ setCookie: string }
  | { ok: false; reason: "wrong credentials" | "rate limited" };

/**
 * Checks an email and password and opens a session. It goes through Better Auth's HTTP
 * handler, not auth.api: only handler requests are rate limited (build-auth.ts), so a
 * sign-in form calling auth.api would let anyone guess passwords without limit.
 */
export async function signInWithPassword(
  auth: Auth,
  incoming: Headers,
  credentials: { email: string; password: string },
): Promise<SignInResult> {
  const headers = new Headers({ "content-type": "application/json" });
  for (const name of FORWARDED_HEADERS) {
    const value = incoming.get(name);
    if (value) headers.set(name, value);
  }
  // Only the path matters to the handler; the host is never contacted.
  const request = new Request("http://localhost/api/auth/sign-in/email", {
    method: "POST",
    headers,
    body: JSON.stringify(credentials),
  });
  const response = await auth.handler(request);
  if (response.status === 429) return { ok: false, reason: "rate limited" };
  if (response.status >= 500)
    throw new Error(`Sign-in failed with status ${response.status}: ${await response.text()}`);
  if (!response.ok) return { ok: false, reason: "wrong credentials" };
  return { ok: true, setCookie: response.headers.get("set-cookie") ?? "" };
}
