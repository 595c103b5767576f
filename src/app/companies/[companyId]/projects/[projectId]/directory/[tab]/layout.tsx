import { loadProject } from "@/features/companies/queries";
import { openDirectoryTab } from "@/features/contacts/directory-tab-access";

export default async function ProjectDirectoryTabLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ companyId: string; projectId: string; tab: string }>;
}) {
  const { companyId, projectId, tab } = await params;
  const project = await loadProject(companyId, projectId);
  openDirectoryTab(project.actor, tab, project.id);
  return children;
}
