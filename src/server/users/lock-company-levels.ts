import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Queues every change of company Directory levels in this company behind the one in
 * progress, by locking the company's row, so that "is anyone else still Admin?" is
 * answered after the other change committed: two admins demoting each other at once
 * cannot both succeed. NO KEY UPDATE does not block the key-share locks that inserts
 * referencing the company take, so contact writes carry on meanwhile.
 */
export async function lockCompanyLevels(tx: Prisma.TransactionClient, companyId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Company" WHERE id = ${companyId}::uuid FOR NO KEY UPDATE`;
}
