import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ProjectStatus } from "@/generated/prisma/enums";

export type ProjectListItem = {
  id: string;
  name: string;
  number: string | null;
  status: ProjectStatus;
  activeContacts: number;
  inactiveContacts: number;
};

export async function listProjects(prisma: PrismaClient, companyId: string): Promise<ProjectListItem[]> {
  const [projects, counts] = await Promise.all([
    prisma.project.findMany({
      where: { companyId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, number: true, status: true },
    }),
    prisma.projectContact.groupBy({
      by: ["projectId", "status"],
      where: { companyId, status: { in: ["ACTIVE", "INACTIVE"] } },
      _count: { _all: true },
    }),
  ]);
  const count = (projectId: string, status: string) =>
    counts.find((c) => c.projectId === projectId && c.status === status)?._count._all ?? 0;
  return projects.map((p) => ({
    ...p,
    activeContacts: count(p.id, "ACTIVE"),
    inactiveContacts: count(p.id, "INACTIVE"),
  }));
}
