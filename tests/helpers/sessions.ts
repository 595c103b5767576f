import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { PermissionLevel } from "@/generated/prisma/enums";
import { authFor } from "@/server/auth/get-auth";
import { hashPassword } from "better-auth/crypto";

export const PASSWORD = "correct horse battery staple";

/**
 * A user of this company who signs in with PASSWORD (their own, as if they had accepted an
 * invitation), at a Directory level (and levels on single projects).
 */
export async function createUserWithPassword(
  prisma: PrismaClient,
  companyId: string,
  level: PermissionLevel,
  projectLevels: Record<string, PermissionLevel> = {},
) {
  const email = `${level.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  const { id: userId } = await prisma.user.create({
    data: { name: `Signed-in ${level}`, email, emailVerified: true },
    select: { id: true },
  });
  await prisma.account.create({
    data: { userId, accountId: userId, providerId: "credential", password: await hashPassword(PASSWORD) },
  });
  await prisma.companyMember.create({ data: { companyId, userId, directoryLevel: level } });
  const grants = Object.entries(projectLevels);
  if (grants.length) {
    await prisma.projectPermission.createMany({
      data: grants.map(([projectId, projectLevel]) => ({ companyId, projectId, userId, level: projectLevel })),
    });
  }
  return { userId, email };
}

/** The Cookie header a browser sends back after this response. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/**
 * Signs in through Better Auth (its server API, which is not rate limited, so setup
 * never trips the limit) and returns the session cookie as a Cookie header.
 */
export async function signIn(prisma: PrismaClient, email: string, password = PASSWORD): Promise<string> {
  const response = await authFor(prisma).api.signInEmail({ body: { email, password }, asResponse: true });
  if (!response.ok) throw new Error(`Sign-in failed for ${email}: ${response.status} ${await response.text()}`);
  return cookieHeader(response);
}
