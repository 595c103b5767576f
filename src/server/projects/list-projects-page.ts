import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { likeLiteral } from "@/server/contacts/list-contacts";
import type { Actor } from "@/server/permissions/actor";
import { splitProjectSort, type ProjectsQuery } from "@/shared/project-query";
import type { ProjectListItem } from "./list-projects";
import { visibleProjectsWhere } from "./visible-projects-where";

/**
 * One page of the projects the actor may see, searched by name or number and sorted by
 * name (numbers in it as numbers, through the (companyId, nameSortKey, id) index) or number,
 * with the directory counts of that page's projects only: the Projects page at any size.
 */
export async function listProjectsPage(
  db: PrismaClient,
  actor: Actor,
  { q, sort, page, perPage }: ProjectsQuery,
): Promise<{ rows: ProjectListItem[]; total: number }> {
  const where = projectsWhere(actor, q);
  const { column, desc } = splitProjectSort(sort);
  const order = desc ? "desc" : "asc";
  const orderBy: Prisma.ProjectOrderByWithRelationInput[] =
    column === "name"
      ? [{ nameSortKey: order }, { id: order }]
      : [{ number: { sort: order, nulls: "last" } }, { nameSortKey: "asc" }, { id: "asc" }];
  const [projects, total] = await Promise.all([
    db.project.findMany({
      where,
      orderBy,
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, name: true, number: true, status: true },
    }),
    db.project.count({ where }),
  ]);
  const counts =
    projects.length === 0
      ? []
      : await db.projectContact.groupBy({
          by: ["projectId", "status"],
          where: {
            companyId: actor.companyId,
            projectId: { in: projects.map((p) => p.id) },
            status: { in: ["ACTIVE", "INACTIVE"] },
          },
          _count: { _all: true },
        });
  const count = (projectId: string, status: string) =>
    counts.find((c) => c.projectId === projectId && c.status === status)?._count._all ?? 0;
  return {
    rows: projects.map((p) => ({
      ...p,
      activeContacts: count(p.id, "ACTIVE"),
      inactiveContacts: count(p.id, "INACTIVE"),
    })),
    total,
  };
}

/** The visible projects whose name or number contains every word of `q` (wildcards taken literally). */
export function projectsWhere(actor: Actor, q: string): Prisma.ProjectWhereInput {
  const terms = [...new Set(q.split(/\s+/).filter(Boolean))].map(likeLiteral);
  return {
    ...visibleProjectsWhere(actor),
    AND: terms.map((term) => ({
      OR: [
        { name: { contains: term, mode: "insensitive" as const } },
        { number: { contains: term, mode: "insensitive" as const } },
      ],
    })),
  };
}
