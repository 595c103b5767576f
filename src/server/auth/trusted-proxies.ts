import "server-only";
import { findInvalidTrustedProxies } from "@better-auth/core/utils/ip";

/**
 * ROLLCALL_TRUSTED_PROXIES: the reverse proxies in front of the app, as IP addresses or
 * CIDR ranges separated by commas. Empty: nobody's X-Forwarded-For is believed, and the
 * sign-in limit is keyed on the connection's address.
 */
export function readTrustedProxies(value = process.env.ROLLCALL_TRUSTED_PROXIES ?? ""): string[] {
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const invalid = findInvalidTrustedProxies(entries);
  if (invalid.length)
    throw new Error(`ROLLCALL_TRUSTED_PROXIES: ${invalid.join(", ")} is not an IP address or CIDR range.`);
  return entries;
}
