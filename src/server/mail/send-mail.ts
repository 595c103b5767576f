import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/server/db/transaction";
import type { MailMessage } from "./message";
import { readMailSettings, type MailSettings } from "./mail-settings";

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

export type SendMailOptions = {
  /** The company the message belongs to: without SMTP, its admins read it on the Outbox page. */
  companyId?: string;
  settings?: MailSettings;
};

export type Delivery = "smtp" | "outbox" | "log";

/**
 * Sends one message: through the SMTP server when SMTP_URL is set; otherwise it is kept in
 * the company's outbox (when it belongs to one) and written to the log, so it is never lost.
 * Call it after the change the message tells of has committed: a rolled-back change must
 * not have been announced.
 */
export async function sendMail(
  db: Db,
  message: MailMessage,
  { companyId, settings = readMailSettings() }: SendMailOptions = {},
): Promise<Delivery> {
  if (settings.smtpUrl) {
    await transportFor(settings.smtpUrl).sendMail({
      from: settings.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
    return "smtp";
  }
  console.info(`Mail (no SMTP_URL set, not sent) to ${message.to}: ${message.subject}\n${message.text}`);
  if (!companyId) return "log";
  await db.outboxMessage.create({
    data: {
      companyId,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      links: message.links,
    },
  });
  return "outbox";
}

/** Whether messages reach people's inboxes (SMTP), or only the outbox and the log. */
export function mailIsDelivered(settings: MailSettings = readMailSettings()): boolean {
  return settings.smtpUrl !== null;
}
