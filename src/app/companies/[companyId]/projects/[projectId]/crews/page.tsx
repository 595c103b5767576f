import type { Metadata } from "next";
import { loadProject } from "@/features/companies/queries";
import { CrewsView } from "@/features/crews/components/crews-view";
import { listCrews } from "@/server/crews/list-crews";
import { getPrisma } from "@/server/db/client";
import { can } from "@/server/permissions/can";

export const metadata: Metadata = { title: "Crews" };

type Props = { params: Promise<{ companyId: string; projectId: string }> };

export default async function CrewsPage({ params }: Props) {
  const { companyId: companyIdInUrl, projectId } = await params;
  const project = await loadProject(companyIdInUrl, projectId);
  const { companyId } = project;
  const prisma = await getPrisma();
  const crews = await listCrews(prisma, { companyId, projectId: project.id });
  return (
    <>
      <h2 className="mb-4 text-lg font-semibold">Crews</h2>
      <CrewsView
        companyId={companyId}
        projectId={project.id}
        canManage={can(project.actor, "edit contacts", { projectId: project.id })}
        canAddToDirectory={can(project.actor, "manage project members", { projectId: project.id })}
        crews={crews}
      />
    </>
  );
}
