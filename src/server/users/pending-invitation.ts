import "server-only";
import type { Db } from "@/server/db/transaction";
import { RESET_NOT_AN_INVITATION } from "@/server/auth/reset-password";
import { isInvitationToken, resetIdentifier } from "./invitation-token";

/** One answer for every link that cannot be used, so a link tells nobody anything about an address. */
export const INVITATION_LINK_INVALID =
  "This invitation link can't be used: it was already used, revoked or replaced by a newer one, or it expired. Ask the company's admin to resend the invitation.";

/**
 * The invitation a link stands for, while it can still be accepted: its token is the
 * live Better Auth verification the invitation names, not expired, and the invitation
 * neither accepted nor revoked. Null for anything else.
 */
export async function findPendingInvitation(db: Db, { companyId, token }: { companyId: string; token: string }) {
  const verification = await db.verification.findFirst({
    where: { identifier: resetIdentifier(token), expiresAt: { gt: new Date() } },
    select: { id: true, value: true },
  });
  if (!verification) return null;
  const invitation = await db.invitation.findFirst({
    where: {
      companyId,
      verificationId: verification.id,
      userId: verification.value,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    select: {
      id: true,
      companyId: true,
      userId: true,
      email: true,
      contactId: true,
      company: { select: { name: true } },
      user: { select: { name: true } },
    },
  });
  return invitation;
}
export type PendingInvitation = NonNullable<Awaited<ReturnType<typeof findPendingInvitation>>>;

/**
 * Why a link the accept-invitation page cannot use is refused: a live password-reset link
 * (the holder's own, from their mailbox) is told where it belongs; anything else gets the
 * one answer that tells nothing.
 */
export async function unusableInvitationMessage(db: Db, token: string): Promise<string> {
  if (isInvitationToken(token)) return INVITATION_LINK_INVALID;
  const reset = await db.verification.findFirst({
    where: { identifier: resetIdentifier(token), expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  return reset ? RESET_NOT_AN_INVITATION : INVITATION_LINK_INVALID;
}
