import Link from "next/link";
import { loadProject } from "@/features/companies/queries";

export default async function ProjectDirectoryLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ companyId: string; projectId: string }>;
}) {
  const { companyId, projectId } = await params;
  const project = await loadProject(companyId, projectId);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-1 text-sm text-slate-500">
        <Link href={`/companies/${companyId}/projects`} className="hover:underline">
          Projects
        </Link>
        <span aria-hidden> / </span>
        <span>{project.number}</span>
      </nav>
      <h1 className="mb-4 text-2xl font-semibold">
        {project.name} <span className="font-normal text-slate-500">· Directory</span>
      </h1>
      {children}
    </>
  );
}
