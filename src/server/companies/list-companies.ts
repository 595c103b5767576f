import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";

export function listCompanies(prisma: PrismaClient) {
  return prisma.company.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}
