import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";

export type ContactCounts = { active: number; inactive: number };

/** The tab counts of the company directory, or of one project's directory. */
export async function countContacts(
  prisma: PrismaClient,
  { companyId, projectId }: { companyId: string; projectId?: string },
): Promise<ContactCounts> {
  const groups = projectId
    ? await prisma.projectContact.groupBy({
        by: ["status"],
        where: { companyId, projectId, status: { in: ["ACTIVE", "INACTIVE"] } },
        _count: { _all: true },
      })
    : await prisma.contact.groupBy({ by: ["status"], where: { companyId }, _count: { _all: true } });
  const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0;
  return { active: count("ACTIVE"), inactive: count("INACTIVE") };
}
