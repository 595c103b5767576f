import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";

/** The company `/` opens: the oldest one (until sign-in picks the user's own). */
export function getDefaultCompany(prisma: PrismaClient) {
  return prisma.company.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
}
