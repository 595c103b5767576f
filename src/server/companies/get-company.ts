import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";

export function getCompany(prisma: PrismaClient, companyId: string) {
  return prisma.company.findUnique({ where: { id: companyId }, select: { id: true, name: true } });
}
