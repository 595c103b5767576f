import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { PermissionLevel } from "@/generated/prisma/enums";
import { consumeRateLimit } from "@/server/auth/consume-rate-limit";
import { inTransaction, type Db } from "@/server/db/transaction";
import { conflict, DomainError, notFound } from "@/server/errors";
import type { ChangedBy } from "@/server/history/changed-by";
import { openBatch, recordEvents } from "@/server/history/open-batch";
import { appLink } from "@/server/mail/mail-settings";
import type { MailMessage } from "@/server/mail/message";
import { addedToCompanyMessage, invitationMessage } from "@/server/mail/messages";
import { sendMail } from "@/server/mail/send-mail";
import { INVITATION_RATE } from "@/shared/users";
import { invitationLink, issueInvitationToken } from "./invitation-token";
import { lockUsers } from "./lock-users";
import { makeContactUser } from "./make-contact-user";
import { recordUserEvents } from "./record-user-events";

export { INVITATION_RATE };
export const TOO_MANY_INVITATIONS = `You sent more than ${INVITATION_RATE.max} invitations in a minute. Wait a minute, then send the rest.`;
export const MAIL_FAILED =
  "The change is saved, but the email could not be sent. Check the mail settings (SMTP_URL), then use Resend invitation.";

export type InviteUserOptions = {
  companyId: string;
  name: string;
  email: string;
  level: PermissionLevel;
  by: ChangedBy & { actorId: string };
  /** The contact being invited to become this user (inviteContact, which checked and locked it). */
  contactId?: string;
};

export type InviteUserResult = { userId: string; status: "INVITED" | "ACTIVE"; invitationId: string | null };

/** Counts one invitation against the admin's limit; refuses once it is spent. */
export async function spendInvitation(db: Db, actorId: string) {
  if (!(await consumeRateLimit(db, `invitations:${actorId}`, INVITATION_RATE))) {
    throw new DomainError("rate_limited", TOO_MANY_INVITATIONS);
  }
}

/**
 * Brings a person into the company by email. Someone who already signs in to Rollcall with
 * a password they chose joins at once, keeps it, and is told by email. Anyone else (new to
 * Rollcall, or holding a password another company's admin chose or could have read) is
 * invited: an email with a link, valid 7 days, to choose their own password. No admin ever
 * sees or sets a password.
 */
export async function inviteUser(db: Db, options: InviteUserOptions): Promise<InviteUserResult> {
  await spendInvitation(db, options.by.actorId);
  const { result, message } = await inTransaction(db, (tx) => writeInvitation(tx, options));
  await deliver(db, options.companyId, message);
  return result;
}

/** Sends what a change announced; a failure says the change stands and how to retry. */
export async function deliver(db: Db, companyId: string, message: MailMessage) {
  try {
    await sendMail(db, message, { companyId });
  } catch (error) {
    console.error("Sending mail failed:", error);
    throw new DomainError("conflict", MAIL_FAILED, { mailFailed: true });
  }
}

/** The invitation's writes, in the caller's transaction: inviteUser's and inviteContact's. */
export async function writeInvitation(
  tx: Prisma.TransactionClient,
  { companyId, name, email, level, by, contactId }: InviteUserOptions,
): Promise<{ result: InviteUserResult; message: MailMessage }> {
  const company = await tx.company.findUnique({ where: { id: companyId }, select: { name: true } });
  if (!company) throw notFound("Company not found.");
  // The company's user changes queue here first, so two invitations of one email cannot both pass.
  await lockUsers(tx, companyId, []);
  const existing = await tx.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      accounts: { where: { providerId: "credential" }, select: { password: true, passwordSetByCompanyId: true } },
    },
  });
  if (existing) {
    const member = await tx.companyMember.findUnique({
      where: { companyId_userId: { companyId, userId: existing.id } },
      select: { status: true },
    });
    if (member?.status === "INVITED")
      throw conflict(`${email} is already invited. Use Resend invitation to send the link again.`, { field: "email" });
    if (member) throw conflict(`${email} is already a user of this company.`, { field: "email", userId: existing.id });
  }
  const ownPassword = existing?.accounts.some((a) => a.password && a.passwordSetByCompanyId === null);
  if (existing && ownPassword) {
    await tx.companyMember.create({
      data: { companyId, userId: existing.id, directoryLevel: level, status: "ACTIVE" },
    });
    const batchId = await openBatch(tx, companyId, "user.add", by);
    await recordUserEvents(tx, companyId, batchId, "user.added", [
      {
        userId: existing.id,
        changes: { status: { from: null, to: "ACTIVE" }, level, ...(contactId ? { contactId } : {}) },
      },
    ]);
    if (contactId) await makeContactUser(tx, { companyId, contactId, userId: existing.id, batchId });
    const message = addedToCompanyMessage({
      to: email,
      name: existing.name,
      companyName: company.name,
      inviterName: by.actorName,
      url: appLink(`/companies/${companyId}/directory/contacts`),
    });
    return { result: { userId: existing.id, status: "ACTIVE", invitationId: null }, message };
  }
  const userId = existing?.id ?? (await tx.user.create({ data: { name, email }, select: { id: true } })).id;
  await tx.companyMember.create({ data: { companyId, userId, directoryLevel: level, status: "INVITED" } });
  const { token, expiresAt, verificationId } = await issueInvitationToken(tx, userId);
  const invitation = await tx.invitation.create({
    data: {
      companyId,
      userId,
      email,
      verificationId,
      invitedById: by.actorId,
      invitedByName: by.actorName,
      expiresAt,
      contactId: contactId ?? null,
    },
    select: { id: true },
  });
  const batchId = await openBatch(tx, companyId, "user.invite", by);
  await recordUserEvents(tx, companyId, batchId, "user.invited", [
    { userId, changes: { email, level, ...(contactId ? { contactId } : {}) } },
  ]);
  if (contactId) {
    await recordEvents(tx, companyId, batchId, "contact.invited", [
      { contactId, projectIds: [], changes: { invitationId: invitation.id, userId, email } },
    ]);
  }
  const message = invitationMessage({
    to: email,
    name: existing?.name ?? name,
    companyName: company.name,
    inviterName: by.actorName,
    url: invitationLink(companyId, token),
    expiresAt,
  });
  return { result: { userId, status: "INVITED", invitationId: invitation.id }, message };
}
