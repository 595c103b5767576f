import type { Metadata } from "next";
import { loadProject } from "@/features/companies/queries";
import { ProjectCompaniesView } from "@/features/vendors/components/project-companies-view";

type Props = {
  params: Promise<{ companyId: string; projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { companyId, projectId } = await params;
  return { title: `${(await loadProject(companyId, projectId)).name} · Companies` };
}

export default async function ProjectCompaniesPage({ params, searchParams }: Props) {
  const { companyId, projectId } = await params;
  const project = await loadProject(companyId, projectId);
  return (
    <ProjectCompaniesView
      companyId={project.companyId}
      projectId={project.id}
      actor={project.actor}
      searchParams={await searchParams}
    />
  );
}
