import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { PermissionLevel } from "@/generated/prisma/enums";
import { authFor } from "@/server/auth/get-auth";
import { addCompanyUser } from "@/server/users/add-company-user";

export const PASSWORD = "correct horse battery staple";

/**
 * A user of this company who signs in with PASSWORD, added the way a company admin adds
 * one, at a Directory level (and levels on single projects).
 */
export async function createUserWithPassword(
  prisma: PrismaClient,
  companyId: string,
  level: PermissionLevel,
  projectLevels: Record<string, PermissionLevel> = {},
) {
  const email = `${level.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  const { userId } = await addCompanyUser(prisma, {
    companyId,
    name: `Signed-in ${level}`,
    email,
    password: PASSWORD,
    level,
  });
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
