import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { toProjectJson } from "@/server/api/serialize";
import { createProject } from "@/server/projects/create-project";
import { listProjects } from "@/server/projects/list-projects";

export const GET = apiRoute(endpoints.listProjects, async ({ db, params }) => {
  const projects = await listProjects(db, params.companyId);
  return {
    data: projects.map((p) => ({ ...toProjectJson(p), activeContacts: p.activeContacts, inactiveContacts: p.inactiveContacts })),
  };
});

export const POST = apiRoute(endpoints.createProject, async ({ db, params, body }) =>
  toProjectJson(await createProject(db, { companyId: params.companyId, ...body })),
);
