import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { toProjectJson } from "@/server/api/serialize";
import { createProject } from "@/server/projects/create-project";
import { listVisibleProjects } from "@/server/projects/list-visible-projects";

export const GET = apiRoute(endpoints.listProjects, async ({ db, actor }) => {
  const projects = await listVisibleProjects(db, actor);
  return {
    data: projects.map((p) => ({
      ...toProjectJson(p),
      activeContacts: p.activeContacts,
      inactiveContacts: p.inactiveContacts,
    })),
  };
});

export const POST = apiRoute(endpoints.createProject, async ({ db, params, body }) =>
  toProjectJson(await createProject(db, { companyId: params.companyId, ...body })),
);
