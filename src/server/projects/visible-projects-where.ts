import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/permissions/actor";
import { can } from "@/server/permissions/can";

/**
 * The actor's company's projects whose directory they may see, as a filter: what
 * `can(actor, "view contacts", { projectId })` answers for every project, put in SQL so a
 * list of thousands is paged and searched by the database. A level set on a project wins
 * over the company level, either way.
 */
export function visibleProjectsWhere(actor: Actor): Prisma.ProjectWhereInput {
  const grants = [...actor.projectLevels.keys()];
  const allowed = grants.filter((projectId) => can(actor, "view contacts", { projectId }));
  if (can(actor, "view contacts")) {
    const denied = grants.filter((projectId) => !allowed.includes(projectId));
    return denied.length ? { companyId: actor.companyId, id: { notIn: denied } } : { companyId: actor.companyId };
  }
  return { companyId: actor.companyId, id: { in: allowed } };
}
