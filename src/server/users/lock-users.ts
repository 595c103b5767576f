import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { lockCompanyLevels } from "./lock-company-levels";

/**
 * The one lock rule for changing users of a company: the company-level row first (so the
 * "is another Admin left?" question is asked after any concurrent change committed), then
 * the members' rows in user id order, so two changes over the same users queue instead of
 * deadlocking.
 */
export async function lockUsers(tx: Prisma.TransactionClient, companyId: string, userIds: readonly string[]) {
  await lockCompanyLevels(tx, companyId);
  if (userIds.length === 0) return;
  await tx.$queryRaw`
    SELECT 1 FROM "CompanyMember"
    WHERE "companyId" = ${companyId}::uuid AND "userId" = ANY(${[...userIds]}::uuid[])
    ORDER BY "userId" FOR NO KEY UPDATE`;
}
