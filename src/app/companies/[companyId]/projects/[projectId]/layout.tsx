import Link from "next/link";
import { loadProject } from "@/features/companies/queries";
import { ProjectNav } from "@/features/companies/project-nav";

export default async function ProjectLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ companyId: string; projectId: string }>;
}) {
  const { companyId: companyIdInUrl, projectId } = await params;
  const project = await loadProject(companyIdInUrl, projectId);
  const { companyId } = project;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-1 text-sm text-slate-500">
        <Link href={`/companies/${companyId}/projects`} className="hover:underline">
          Projects
        </Link>
        {project.number && (
          <>
            <span aria-hidden> / </span>
            <span>{project.number}</span>
          </>
        )}
      </nav>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">{project.name}</h1>
        <ProjectNav companyId={companyId} projectId={project.id} />
      </div>
      {children}
    </>
  );
}
