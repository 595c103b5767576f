import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { likeLiteral } from "@/server/contacts/list-contacts";
import type { Actor } from "@/server/permissions/actor";
import { visibleProjectsWhere } from "./visible-projects-where";

export type SearchProjectsOptions = { actor: Actor; q: string; limit: number };

export type ProjectOption = { id: string; name: string; number: string | null };

/**
 * The first projects, in name order with numbers as numbers, whose name or number
 * contains every word of `q`, among those the actor may see: a picker's options.
 */
export async function searchProjects(db: PrismaClient, { actor, q, limit }: SearchProjectsOptions) {
  const terms = [...new Set(q.split(/\s+/).filter(Boolean))].map(likeLiteral);
  return db.project.findMany({
    where: {
      ...visibleProjectsWhere(actor),
      AND: terms.map((term) => ({
        OR: [
          { name: { contains: term, mode: "insensitive" as const } },
          { number: { contains: term, mode: "insensitive" as const } },
        ],
      })),
    },
    orderBy: [{ nameSortKey: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, name: true, number: true },
  }) satisfies Promise<ProjectOption[]>;
}
