import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import type { PrismaClient } from "@/generated/prisma/client";

export type AuthOptions = {
  secret: string;
  /** The app's public URL, when known (BETTER_AUTH_URL); otherwise taken from each request. */
  baseURL?: string;
};

/** Sessions last a working day and are extended while in use. */
export const SESSION_HOURS = 12;

/**
 * Sign-in by email and password through Better Auth: users and sessions in our own
 * database, passwords hashed by the library (scrypt), sessions in an httpOnly cookie.
 * Nobody signs themselves up: company admins add users.
 */
export function buildAuth(prisma: PrismaClient, { secret, baseURL }: AuthOptions) {
  return betterAuth({
    appName: "Rollcall",
    secret,
    baseURL,
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
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
      customRules: { "/sign-in/email": { window: 60, max: 5 } },
    },
    advanced: {
      database: { generateId: "uuid" },
      cookiePrefix: "rollcall",
      // Behind a proxy the client's address comes from these headers; they key the rate limit.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for", "x-real-ip"] },
    },
    // Lets server actions set the session cookie.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof buildAuth>;
