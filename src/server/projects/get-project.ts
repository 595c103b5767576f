import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";

/** A project of this company, or null: another company's project id finds nothing. */
export function getProject(prisma: PrismaClient, { companyId, projectId }: { companyId: string; projectId: string }) {
  return prisma.project.findUnique({
    where: { companyId_id: { companyId, id: projectId } },
    select: { id: true, name: true, number: true, status: true },
  });
}
