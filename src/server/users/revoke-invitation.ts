import "server-only";
import { inTransaction, type Db } from "@/server/db/transaction";
import { notFound } from "@/server/errors";
import type { ChangedBy } from "@/server/history/changed-by";
import { openBatch } from "@/server/history/open-batch";
import { lockUsers } from "./lock-users";
import { recordUserEvents } from "./record-user-events";

export type RevokeInvitationOptions = { companyId: string; invitationId: string; by: ChangedBy };

/**
 * Withdraws an invitation not yet accepted: its link stops working, and the person leaves
 * the company's users (their login, if any, is untouched). Recorded in the history.
 */
export async function revokeInvitation(db: Db, { companyId, invitationId, by }: RevokeInvitationOptions) {
  return inTransaction(db, async (tx) => {
    const found = await tx.invitation.findUnique({
      where: { companyId_id: { companyId, id: invitationId } },
      select: { userId: true },
    });
    if (!found) throw notFound("Invitation not found in this company.");
    await lockUsers(tx, companyId, [found.userId]);
    const invitation = await tx.invitation.findUnique({
      where: { companyId_id: { companyId, id: invitationId } },
      select: { userId: true, verificationId: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation || invitation.acceptedAt || invitation.revokedAt)
      throw notFound("This invitation was already accepted or revoked.");
    if (invitation.verificationId) await tx.verification.deleteMany({ where: { id: invitation.verificationId } });
    await tx.invitation.updateMany({
      where: { companyId, id: invitationId },
      data: { revokedAt: new Date(), verificationId: null },
    });
    await tx.projectPermission.deleteMany({ where: { companyId, userId: invitation.userId } });
    await tx.companyMember.deleteMany({ where: { companyId, userId: invitation.userId, status: "INVITED" } });
    const batchId = await openBatch(tx, companyId, "user.revoke_invitation", by);
    await recordUserEvents(tx, companyId, batchId, "user.invitation_revoked", [
      { userId: invitation.userId, changes: { status: { from: "INVITED", to: null } } },
    ]);
    return { userId: invitation.userId, batchId };
  });
}
