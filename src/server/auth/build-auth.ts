import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import type { PrismaClient } from "@/generated/prisma/client";
import { appLink } from "@/server/mail/mail-settings";
import { passwordResetMessage } from "@/server/mail/messages";
import { mailIsDelivered, sendMail } from "@/server/mail/send-mail";
import { RESET_MINUTES } from "./reset-password";

export type AuthOptions = {
  secret: string;
  /** The app's public URL, when known (BETTER_AUTH_URL); otherwise taken from each request. */
  baseURL?: string;
  /** The reverse proxies' addresses or CIDR ranges (ROLLCALL_TRUSTED_PROXIES), whose X-Forwarded-For entries are believed. */
  trustedProxies?: string[];
};

/** Sessions last a working day and are extended while in use. */
export const SESSION_HOURS = 12;

/**
 * Sign-in by email and password through Better Auth: users and sessions in our own
 * database, passwords hashed by the library (scrypt), sessions in an httpOnly cookie.
 * Nobody signs themselves up: company admins invite users (src/server/users/invite-user.ts),
 * whose links are Better Auth reset-password tokens; Forgot password uses the same flow.
 * Verification identifiers stay stored plain (the default), which invitation-token.ts relies on.
 */
export function buildAuth(prisma: PrismaClient, { secret, baseURL, trustedProxies = [] }: AuthOptions) {
  return betterAuth({
    appName: "Rollcall",
    secret,
    baseURL,
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: RESET_MINUTES * 60,
      // Whoever had the old password (or a stolen session) is signed out.
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        const url = appLink(`/reset-password?token=${encodeURIComponent(token)}`);
        await sendMail(prisma, passwordResetMessage({ to: user.email, url, minutes: RESET_MINUTES }));
      },
      // A password chosen through an emailed link is the person's own, which no admin could
      // have read — unless the link only reached the log (no SMTP).
      onPasswordReset: async ({ user }) => {
        if (!mailIsDelivered()) return;
        await prisma.account.updateMany({
          where: { userId: user.id, providerId: "credential" },
          data: { passwordSetByCompanyId: null },
        });
      },
    },
    databaseHooks: {
      session: {
        create: {
          after: async (session) => {
            await prisma.user.update({ where: { id: session.userId }, data: { lastSignInAt: new Date() } });
          },
        },
      },
    },
    // Names and emails are set by company admins: a user renaming themselves ("Alex Admin")
    // would sign the change history with someone else's name.
    disabledPaths: ["/update-user", "/change-email"],
    session: { expiresIn: SESSION_HOURS * 60 * 60, updateAge: 60 * 60 },
    rateLimit: {
      enabled: true,
      // In the database, so the limit holds across restarts and several app processes.
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 5 },
        "/request-password-reset": { window: 60, max: 5 },
        "/reset-password": { window: 60, max: 10 },
      },
    },
    advanced: {
      database: { generateId: "uuid" },
      cookiePrefix: "rollcall",
      // The client's address keys the rate limit. The app's server (scripts/serve.mjs) sets
      // X-Forwarded-For from the connection; only the trusted proxies' hops are walked past.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"], trustedProxies },
    },
    // Lets server actions set the session cookie.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof buildAuth>;
