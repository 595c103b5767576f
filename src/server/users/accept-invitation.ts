import "server-only";
import type { Auth } from "@/server/auth/build-auth";
import { resetPasswordWithToken } from "@/server/auth/reset-password";
import { inTransaction, type Db } from "@/server/db/transaction";
import { DomainError } from "@/server/errors";
import { openBatch } from "@/server/history/open-batch";
import { mailIsDelivered } from "@/server/mail/send-mail";
import { lockUsers } from "./lock-users";
import { makeContactUser } from "./make-contact-user";
import { findPendingInvitation, INVITATION_LINK_INVALID, unusableInvitationMessage } from "./pending-invitation";
import { recordUserEvents } from "./record-user-events";

export const TOO_MANY_TRIES = "Too many attempts. Wait a minute, then try again.";

export type AcceptInvitationOptions = { companyId: string; token: string; password: string; headers: Headers };

/**
 * The invitee chooses their password with the link: Better Auth's resetPassword consumes
 * the token (so the link works once) and sets the password; then the membership turns
 * active, in the history under the invitee's name. Without SMTP the link sat in the
 * company's outbox where its admins could read it, so the password is then marked as one
 * that company could know (the login joins other companies only by their own invitation).
 * An invitation sent from a contact (Invite to Rollcall) makes that contact this user.
 */
export async function acceptInvitation(
  db: Db,
  auth: Auth,
  { companyId, token, password, headers }: AcceptInvitationOptions,
) {
  const invitation = await findPendingInvitation(db, { companyId, token });
  if (!invitation) throw new DomainError("invalid", await unusableInvitationMessage(db, token));
  const reset = await resetPasswordWithToken(auth, headers, { token, password });
  if (reset === "rate limited") throw new DomainError("invalid", TOO_MANY_TRIES);
  if (reset === "invalid token") throw new DomainError("invalid", INVITATION_LINK_INVALID);
  await inTransaction(db, async (tx) => {
    await lockUsers(tx, companyId, [invitation.userId]);
    await tx.invitation.updateMany({
      where: { companyId, id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date(), verificationId: null },
    });
    const member = await tx.companyMember.findUnique({
      where: { companyId_userId: { companyId, userId: invitation.userId } },
      select: { status: true, directoryLevel: true },
    });
    // Revoked between the page and the click: the password stands, the membership is gone.
    if (!member || member.status !== "INVITED") return;
    await tx.companyMember.updateMany({
      where: { companyId, userId: invitation.userId, status: "INVITED" },
      data: { status: "ACTIVE" },
    });
    await tx.user.update({ where: { id: invitation.userId }, data: { emailVerified: true } });
    await tx.account.updateMany({
      where: { userId: invitation.userId, providerId: "credential" },
      data: { passwordSetByCompanyId: mailIsDelivered() ? null : companyId },
    });
    const batchId = await openBatch(tx, companyId, "user.accept_invitation", {
      actorId: invitation.userId,
      actorName: invitation.user.name,
    });
    await recordUserEvents(tx, companyId, batchId, "user.joined", [
      {
        userId: invitation.userId,
        changes: {
          status: { from: "INVITED", to: "ACTIVE" },
          level: member.directoryLevel,
          ...(invitation.contactId ? { contactId: invitation.contactId } : {}),
        },
      },
    ]);
    if (invitation.contactId) {
      await makeContactUser(tx, { companyId, contactId: invitation.contactId, userId: invitation.userId, batchId });
    }
  });
  return { email: invitation.email };
}
