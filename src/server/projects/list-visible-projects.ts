import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/server/permissions/actor";
import { can } from "@/server/permissions/can";
import { listProjects } from "./list-projects";

/** The company's projects whose directory this user may see: what the Projects page and the API list. */
export async function listVisibleProjects(db: PrismaClient, actor: Actor) {
  const projects = await listProjects(db, actor.companyId);
  return projects.filter((p) => can(actor, "view contacts", { projectId: p.id }));
}
