import { z } from "zod";

const DEFAULT_FROM = "Rollcall <rollcall@localhost>";

const mailEnvSchema = z.object({
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^/\s]+/,
      "SMTP_URL must be an smtp:// or smtps:// URL, like smtp://user:password@mail.example.com:587",
    )
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(
      /^([^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
      'MAIL_FROM must be an address, like "Rollcall <rollcall@example.com>"',
    )
    .default(DEFAULT_FROM),
  BETTER_AUTH_URL: z
    .url({ error: "BETTER_AUTH_URL must be the app's public URL, like https://rollcall.example.com" })
    .optional(),
});

export type MailSettings = {
  /** Null: no SMTP server, so messages go to the outbox and the log. */
  smtpUrl: string | null;
  from: string;
  /** Where the links in messages point: BETTER_AUTH_URL, else the local server. */
  appUrl: string;
};

/** SMTP_URL, MAIL_FROM and BETTER_AUTH_URL, checked; throws a sentence an operator can act on. */
export function readMailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings {
  const parsed = mailEnvSchema.safeParse({
    SMTP_URL: env.SMTP_URL || undefined,
    MAIL_FROM: env.MAIL_FROM || undefined,
    BETTER_AUTH_URL: env.BETTER_AUTH_URL || undefined,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(" "));
  const { SMTP_URL, MAIL_FROM, BETTER_AUTH_URL } = parsed.data;
  return {
    smtpUrl: SMTP_URL ?? null,
    from: MAIL_FROM,
    appUrl: (BETTER_AUTH_URL ?? `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ""),
  };
}

/** Why the mail settings cannot work, or null. */
export function mailSettingsProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    readMailSettings(env);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A link into the app, for a message. */
export function appLink(path: string, settings: MailSettings = readMailSettings()): string {
  return `${settings.appUrl}${path}`;
}
