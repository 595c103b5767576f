import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * How many project directories a status change of these contacts touches: the distinct
 * projects they are on with `status` (ACTIVE memberships leave on inactivation, INACTIVE
 * ones return on reactivation). The lifecycle dialog asks this when it opens, so the
 * directory's rows need not carry every contact's projects.
 */
export async function countContactProjects(
  prisma: PrismaClient,
  { companyId, contactIds, status }: { companyId: string; contactIds: string[]; status: "ACTIVE" | "INACTIVE" },
): Promise<number> {
  if (contactIds.length === 0) return 0;
  const projects = await prisma.projectContact.groupBy({
    by: ["projectId"],
    where: { companyId, contactId: { in: contactIds }, status },
  });
  return projects.length;
}
