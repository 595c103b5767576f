import "server-only";
import type { Auth } from "./build-auth";
import { callAuthEndpoint } from "./call-auth-endpoint";

/** A reset link works this long. */
export const RESET_MINUTES = 30;

/**
 * Forgot password: Better Auth's requestPasswordReset, which answers the same whether or
 * not the address has a login, and sends the link through build-auth's sendResetPassword.
 */
export async function requestPasswordReset(
  auth: Auth,
  incoming: Headers,
  email: string,
): Promise<"sent" | "rate limited"> {
  const response = await callAuthEndpoint(auth, incoming, "/request-password-reset", { email });
  return response.status === 429 ? "rate limited" : "sent";
}

/**
 * Sets a new password with a reset (or invitation) token: Better Auth consumes the token
 * (once), creates the password account when there is none, and ends every session.
 */
export async function resetPasswordWithToken(
  auth: Auth,
  incoming: Headers,
  { token, password }: { token: string; password: string },
): Promise<"reset" | "invalid token" | "rate limited"> {
  const response = await callAuthEndpoint(auth, incoming, "/reset-password", { token, newPassword: password });
  if (response.status === 429) return "rate limited";
  return response.ok ? "reset" : "invalid token";
}
