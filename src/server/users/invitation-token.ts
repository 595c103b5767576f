import "server-only";
import { generateId } from "@better-auth/core/utils/id";
import type { Prisma } from "@/generated/prisma/client";
import { appLink } from "@/server/mail/mail-settings";

/** An invitation's link works for this long. */
export const INVITATION_DAYS = 7;

/**
 * Issues the link's token as a Better Auth reset-password verification (the identifier its
 * resetPassword consumes, once, creating the password account when there is none), valid
 * for the invitation's 7 days instead of a reset's hour. build-auth.ts keeps identifiers
 * stored plain, which this row relies on.
 */
export async function issueInvitationToken(tx: Prisma.TransactionClient, userId: string) {
  const token = `${INVITATION_TOKEN_PREFIX}${generateId(24)}`;
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const verification = await tx.verification.create({
    data: { identifier: resetIdentifier(token), value: userId, expiresAt },
    select: { id: true },
  });
  return { token, expiresAt, verificationId: verification.id };
}

/**
 * Marks an invitation's token, so the reset-password page can refuse one (it would set a
 * password and spend the invitation, leaving the person invited). Better Auth's own reset
 * tokens are letters and digits only, so none starts with it.
 */
export const INVITATION_TOKEN_PREFIX = "inv_";

export function isInvitationToken(token: string) {
  return token.startsWith(INVITATION_TOKEN_PREFIX);
}

export function resetIdentifier(token: string) {
  return `reset-password:${token}`;
}

export function invitationLink(companyId: string, token: string) {
  return appLink(`/accept-invitation?company=${companyId}&token=${encodeURIComponent(token)}`);
}
