import type { Metadata } from "next";
import { loadProject } from "@/features/companies/queries";
import { DirectoryView, parseTab } from "@/features/contacts/components/directory-view";

type Props = {
  params: Promise<{ companyId: string; projectId: string; tab: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { companyId, projectId, tab } = await params;
  // An unknown tab's 404 page is titled as one.
  parseTab(tab);
  return { title: `${(await loadProject(companyId, projectId)).name} · Directory` };
}

export default async function ProjectDirectoryPage({ params, searchParams }: Props) {
  const { companyId: companyIdInUrl, projectId, tab } = await params;
  const project = await loadProject(companyIdInUrl, projectId);
  const { companyId } = project;
  return (
    <DirectoryView
      scope={{ companyId, projectId: project.id }}
      actor={project.actor}
      basePath={`/companies/${companyId}/projects/${project.id}/directory`}
      tab={tab}
      searchParams={await searchParams}
    />
  );
}
