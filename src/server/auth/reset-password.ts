import "server-only";
import type { Auth } from "./build-auth";
import { isInvitationToken } from "@/server/users/invitation-token";
import { callAuthEndpoint } from "./call-auth-endpoint";

/** What the reset-password page says to an invitation's link. */
export const INVITATION_NOT_A_RESET =
  "This link is an invitation, not a password reset. Open it from the invitation email (Accept the invitation) to choose your password and join the company.";

/** What the accept-invitation page says to a reset link. */
export const RESET_NOT_AN_INVITATION =
  "This link is a password reset, not an invitation. Open it from the reset email (Choose a new password), or ask the company's admin to invite you.";

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

/**
 * The reset-password page's reset: an invitation's link is refused, untouched (it stays
 * usable on the accept-invitation page, which also makes the person a user of the company).
 */
export async function resetForgottenPassword(
  auth: Auth,
  incoming: Headers,
  options: { token: string; password: string },
): Promise<"reset" | "invalid token" | "rate limited" | "invitation token"> {
  if (isInvitationToken(options.token)) return "invitation token";
  return resetPasswordWithToken(auth, incoming, options);
}
