import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/server/permissions/actor";
import { projectsWhere } from "./list-projects-page";

export type SearchProjectsOptions = { actor: Actor; q: string; limit: number };

export type ProjectOption = { id: string; name: string; number: string | null };

/**
 * The first projects, in name order with numbers as numbers, whose name or number
 * contains every word of `q`, among those the actor may see: a picker's options.
 */
export async function searchProjects(
  db: PrismaClient,
  { actor, q, limit }: SearchProjectsOptions,
): Promise<ProjectOption[]> {
  return db.project.findMany({
    where: projectsWhere(actor, q),
    orderBy: [{ nameSortKey: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, name: true, number: true },
  });
}
