import "server-only";
import type { Auth } from "./build-auth";
import { callAuthEndpoint } from "./call-auth-endpoint";

export type SignInResult =
  | { ok: true; /** The session cookie, to hand to the browser. */ setCookie: string }
  | { ok: false; reason: "wrong credentials" | "rate limited" };

/** Checks an email and password and opens a session, through the rate-limited handler. */
export async function signInWithPassword(
  auth: Auth,
  incoming: Headers,
  credentials: { email: string; password: string },
): Promise<SignInResult> {
  const response = await callAuthEndpoint(auth, incoming, "/sign-in/email", credentials);
  if (response.status === 429) return { ok: false, reason: "rate limited" };
  if (!response.ok) return { ok: false, reason: "wrong credentials" };
  return { ok: true, setCookie: response.headers.get("set-cookie") ?? "" };
}
