import "server-only";
import type { PermissionLevel } from "@/generated/prisma/enums";
import { lockContacts } from "@/server/contacts/lock-contacts";
import { inTransaction, type Db } from "@/server/db/transaction";
import { conflict, DomainError, notFound } from "@/server/errors";
import type { ChangedBy } from "@/server/history/changed-by";
import { userEmailSchema } from "@/shared/users";
import { deliver, spendInvitation, writeInvitation, type InviteUserResult } from "./invite-user";
import { lockUsers } from "./lock-users";

export type InviteContactOptions = {
  companyId: string;
  contactId: string;
  level: PermissionLevel;
  by: ChangedBy & { actorId: string };
};

export type InviteContactResult = InviteUserResult & { email: string; name: string };

export const CONTACT_NOT_FOUND = "Contact not found in this company.";

/**
 * Invite to Rollcall: the contact is invited by their email, as Add User invites anyone; the
 * invitation remembers the contact, and on acceptance (or at once, for someone who already
 * signs in elsewhere with their own password) contact and user become one record. Users'
 * lock, then the contact's, so two invitations of one contact queue and the second is told.
 */
export async function inviteContact(db: Db, options: InviteContactOptions): Promise<InviteContactResult> {
  await spendInvitation(db, options.by.actorId);
  const { result, message } = await inTransaction(db, async (tx) => {
    const { companyId, contactId } = options;
    await lockUsers(tx, companyId, []);
    const [locked] = await lockContacts(tx, companyId, [contactId]);
    if (!locked || locked.status === "DISCARDED") throw notFound(CONTACT_NOT_FOUND);
    const contact = await tx.contact.findUniqueOrThrow({
      where: { companyId_id: { companyId, id: contactId } },
      select: { firstName: true, lastName: true, email: true, userId: true },
    });
    const refusal = whyNotInvitable(locked.status, contact.email);
    if (refusal) throw conflict(refusal, { userId: contact.userId });
    const email = userEmailSchema.safeParse(contact.email);
    if (!email.success)
      throw new DomainError(
        "invalid",
        `${contact.email} is not an email address an invitation can go to. Edit the contact's email first.`,
      );
    const pending = await tx.invitation.findFirst({
      where: { companyId, contactId, acceptedAt: null, revokedAt: null },
      select: { id: true },
    });
    if (pending)
      throw conflict(
        `${contact.firstName} ${contact.lastName} is already invited. Use Resend invitation on the Users tab to send the link again.`,
      );
    const name = `${contact.firstName} ${contact.lastName}`.trim();
    const written = await writeInvitation(tx, { ...options, name, email: email.data });
    return { ...written, result: { ...written.result, email: email.data, name } };
  });
  await deliver(db, options.companyId, message);
  return result;
}

/** Why a contact cannot be invited now, or null: the one rule for the button, the action and the API. */
export function whyNotInvitable(status: string, email: string | null): string | null {
  if (status === "USER") return "This contact is already a Rollcall user.";
  if (status === "MERGED") return "This contact was merged into another contact. Invite that one instead.";
  if (status !== "ACTIVE") return "Reactivate this contact before inviting them to Rollcall.";
  if (!email?.trim()) return "Add an email address to this contact to invite them to Rollcall.";
  return null;
}
