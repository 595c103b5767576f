import "server-only";
import type { Db } from "@/server/db/transaction";

/**
 * Where a contact stands with Rollcall: the user it became (USER), or its invitation still
 * waiting to be accepted. What the contact page shows beside Invite to Rollcall.
 */
export async function getContactInvitation(
  db: Db,
  { companyId, contactId, userId }: { companyId: string; contactId: string; userId: string | null },
) {
  const [pending, member] = await Promise.all([
    db.invitation.findFirst({
      where: { companyId, contactId, acceptedAt: null, revokedAt: null },
      orderBy: { sentAt: "desc" },
      select: { email: true, sentAt: true, expiresAt: true },
    }),
    userId
      ? db.companyMember.findUnique({
          where: { companyId_userId: { companyId, userId } },
          select: { status: true, user: { select: { id: true, name: true, email: true } } },
        })
      : null,
  ]);
  return { pending, user: member ? { ...member.user, status: member.status } : null };
}
