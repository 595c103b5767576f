import "server-only";
import { inTransaction, type Db } from "@/server/db/transaction";
import { conflict, notFound } from "@/server/errors";
import type { ChangedBy } from "@/server/history/changed-by";
import { invitationMessage } from "@/server/mail/messages";
import { invitationLink, issueInvitationToken } from "./invitation-token";
import { deliver, spendInvitation } from "./invite-user";
import { lockUsers } from "./lock-users";

export type ResendInvitationOptions = { companyId: string; userId: string; by: ChangedBy & { actorId: string } };

/**
 * Sends an invited user a new link, valid 7 days from now. The old link stops working at
 * once: its verification is deleted and the invitation names the new one.
 */
export async function resendInvitation(db: Db, { companyId, userId, by }: ResendInvitationOptions) {
  await spendInvitation(db, by.actorId);
  const message = await inTransaction(db, async (tx) => {
    await lockUsers(tx, companyId, [userId]);
    const member = await tx.companyMember.findUnique({
      where: { companyId_userId: { companyId, userId } },
      select: { status: true, user: { select: { name: true } }, company: { select: { name: true } } },
    });
    if (!member) throw notFound("User not found in this company.");
    const invitation = await tx.invitation.findFirst({
      where: { companyId, userId, acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, verificationId: true },
    });
    if (member.status !== "INVITED" || !invitation)
      throw conflict("This user has already joined: there is no invitation to resend.");
    if (invitation.verificationId) await tx.verification.deleteMany({ where: { id: invitation.verificationId } });
    const { token, expiresAt, verificationId } = await issueInvitationToken(tx, userId);
    await tx.invitation.updateMany({
      where: { companyId, id: invitation.id },
      data: { verificationId, expiresAt, sentAt: new Date(), invitedById: by.actorId, invitedByName: by.actorName },
    });
    return invitationMessage({
      to: invitation.email,
      name: member.user.name,
      companyName: member.company.name,
      inviterName: by.actorName,
      url: invitationLink(companyId, token),
      expiresAt,
    });
  });
  await deliver(db, companyId, message);
}
