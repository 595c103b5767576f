import type { Metadata } from "next";
import Link from "next/link";
import { loadCompany } from "@/features/companies/queries";
import { getPrisma } from "@/server/db/client";
import { listVisibleProjects } from "@/server/projects/list-visible-projects";

export const metadata: Metadata = { title: "Projects" };

const STATUS_LABEL: Record<string, string> = {
  BIDDING: "Bidding",
  ACTIVE: "Active",
  ON_HOLD: "On hold",
  COMPLETED: "Completed",
};

export default async function ProjectsPage({ params }: { params: Promise<{ companyId: string }> }) {
  const company = await loadCompany((await params).companyId);
  const projects = await listVisibleProjects(await getPrisma(), company.actor);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Projects</h1>
      {projects.length === 0 ? (
        <p className="text-slate-600">No projects yet.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {projects.map((project) => (
            <li key={project.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="text-xs text-slate-500">
                {project.number} · {STATUS_LABEL[project.status]}
              </p>
              <h2 className="mt-1 font-semibold">
                <Link
                  href={`/companies/${company.id}/projects/${project.id}/directory/contacts`}
                  className="hover:underline"
                >
                  {project.name}
                </Link>
              </h2>
              <p className="mt-2 text-sm text-slate-600">
                {project.activeContacts} contacts · {project.inactiveContacts} inactive
              </p>
              <p className="mt-2 text-sm">
                <Link
                  href={`/companies/${company.id}/projects/${project.id}/crews`}
                  className="text-brand-700 hover:underline"
                >
                  Crews
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
