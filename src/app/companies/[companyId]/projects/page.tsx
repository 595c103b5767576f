import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { loadCompany } from "@/features/companies/queries";
import { ProjectsTable } from "@/features/projects/components/projects-table";
import { parseProjectsSearchParams, serializeProjectsSearchParams } from "@/features/projects/validations";
import { getPrisma } from "@/server/db/client";
import { can } from "@/server/permissions/can";
import { listProjectsPage } from "@/server/projects/list-projects-page";

export const metadata: Metadata = { title: "Projects" };

type Props = {
  params: Promise<{ companyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ProjectsPage({ params, searchParams }: Props) {
  const company = await loadCompany((await params).companyId);
  const here = `/companies/${company.id}/projects`;
  const { query, canonical, isCanonical } = parseProjectsSearchParams(await searchParams);
  if (!isCanonical) redirect(`${here}${canonical}`);
  const { rows, total } = await listProjectsPage(await getPrisma(), company.actor, query);
  const lastPage = Math.max(1, Math.ceil(total / query.perPage));
  if (query.page > lastPage) redirect(`${here}${serializeProjectsSearchParams({ ...query, page: lastPage })}`);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Projects</h1>
      <ProjectsTable
        companyId={company.id}
        rows={rows}
        total={total}
        query={query}
        canCreate={can(company.actor, "create projects")}
      />
    </>
  );
}
