import "server-only";
import type { Auth } from "./build-auth";

/** What a request to Better Auth carries over: the client's address (the rate limit's key) and browser. */
const FORWARDED_HEADERS = ["x-forwarded-for", "user-agent"];

/**
 * Posts to one of Better Auth's endpoints through its HTTP handler, not auth.api: only
 * handler requests are rate limited (build-auth.ts), so a form calling auth.api would let
 * anyone guess passwords or reset tokens without limit. A 5xx is thrown; anything else is
 * the caller's to read.
 */
export async function callAuthEndpoint(auth: Auth, incoming: Headers, path: string, body: unknown): Promise<Response> {
  const headers = new Headers({ "content-type": "application/json" });
  for (const name of FORWARDED_HEADERS) {
    const value = incoming.get(name);
    if (value) headers.set(name, value);
  }
  // Only the path matters to the handler; the host is never contacted.
  const response = await auth.handler(
    new Request(`http://localhost/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) }),
  );
  if (response.status >= 500)
    throw new Error(`${path} failed with status ${response.status}: ${await response.text()}`);
  return response;
}
