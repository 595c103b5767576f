import { composeMessage, type MailMessage } from "./message";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export type InvitationMessageOptions = {
  to: string;
  name: string;
  companyName: string;
  inviterName: string;
  url: string;
  expiresAt: Date;
};

/** "Choose a password" for someone new to Rollcall. */
export function invitationMessage({ to, name, companyName, inviterName, url, expiresAt }: InvitationMessageOptions) {
  return composeMessage({
    to,
    subject: `You're invited to ${companyName} on Rollcall`,
    greeting: `Hello ${name},`,
    paragraphs: [
      `${inviterName} invited you to ${companyName}'s directory on Rollcall.`,
      `Choose a password to accept. The link works once, until ${dateFormat.format(expiresAt)} (UTC).`,
    ],
    action: { label: "Accept the invitation", url },
    footer: "If you did not expect this invitation, ignore this email: nothing happens until the link is used.",
  });
}

/** For someone who already signs in to Rollcall: they were added, and keep their password. */
export function addedToCompanyMessage({
  to,
  name,
  companyName,
  inviterName,
  url,
}: Omit<InvitationMessageOptions, "expiresAt">): MailMessage {
  return composeMessage({
    to,
    subject: `You were added to ${companyName} on Rollcall`,
    greeting: `Hello ${name},`,
    paragraphs: [
      `${inviterName} added you to ${companyName}'s directory on Rollcall.`,
      "Sign in with the email and password you already use: nothing about your login changed.",
    ],
    action: { label: `Open ${companyName}`, url },
    footer: "If you don't know why you were added, tell the company's admins.",
  });
}

/** The forgot-password link. */
export function passwordResetMessage({ to, url, minutes }: { to: string; url: string; minutes: number }) {
  return composeMessage({
    to,
    subject: "Reset your Rollcall password",
    greeting: "Hello,",
    paragraphs: [
      "Someone asked to reset the password of the Rollcall login for this email address.",
      `The link works once, for ${minutes} minutes. Choosing a new password signs you out everywhere else.`,
    ],
    action: { label: "Choose a new password", url },
    footer: "If you did not ask for this, ignore this email: your password stays as it is.",
  });
}
