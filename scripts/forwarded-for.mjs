/**
 * The X-Forwarded-For the app sees (src/server/auth/build-auth.ts keys the sign-in limit
 * on it). Next.js keeps whatever a client sends there, so the server rewrites it from the
 * connection: without trusted proxies (ROLLCALL_TRUSTED_PROXIES) it is just the peer's
 * address, whatever the client claimed; behind them, the peer is appended to the chain,
 * as a proxy does, and Better Auth walks it from the right past the trusted hops.
 *
 * @param {string | string[] | undefined} sent what the client or proxy sent
 * @param {string | undefined} peer the connection's remote address
 * @param {boolean} behindProxies whether any trusted proxies are configured
 * @returns {string | undefined}
 */
export function forwardedFor(sent, peer, behindProxies) {
  if (!peer) return undefined;
  const chain = (Array.isArray(sent) ? sent.join(", ") : (sent ?? "")).trim();
  return behindProxies && chain ? `${chain}, ${peer}` : peer;
}
