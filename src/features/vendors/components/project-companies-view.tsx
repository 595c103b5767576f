import "server-only";
import { forbidden, redirect } from "next/navigation";
import { DirectoryTabs } from "@/features/contacts/components/directory-tabs";
import { countContacts } from "@/server/contacts/count-contacts";
import { getPrisma } from "@/server/db/client";
import type { Actor } from "@/server/permissions/actor";
import { can } from "@/server/permissions/can";
import { countProjectVendors, listProjectVendors } from "@/server/vendors/list-project-vendors";
import { parseProjectVendorSearchParams, serializeProjectVendorSearchParams } from "../validations";
import { ProjectCompaniesTable } from "./project-companies-table";

type Props = {
  companyId: string;
  projectId: string;
  actor: Actor;
  searchParams: Record<string, string | string[] | undefined>;
};

/** A project directory's Companies tab, beside its Contacts tabs, with every tab's count. */
export async function ProjectCompaniesView({ companyId, projectId, actor, searchParams }: Props) {
  const at = { projectId };
  if (!can(actor, "view contacts", at)) forbidden();
  const basePath = `/companies/${companyId}/projects/${projectId}/directory`;
  const { query } = parseProjectVendorSearchParams(searchParams);
  const prisma = await getPrisma();
  const scope = { companyId, projectId };
  const filtered = Boolean(query.q || query.kind);
  const [{ rows, total }, counts, companyCount] = await Promise.all([
    listProjectVendors(prisma, { ...scope, ...query }),
    countContacts(prisma, scope),
    // Unfiltered, the tab's count is the listing's own total: no second pass over the memberships.
    filtered ? countProjectVendors(prisma, scope) : undefined,
  ]);
  const lastPage = Math.max(1, Math.ceil(total / query.perPage));
  if (query.page > lastPage) {
    redirect(`${basePath}/companies${serializeProjectVendorSearchParams({ ...query, page: lastPage })}`);
  }
  return (
    <>
      <DirectoryTabs
        basePath={basePath}
        current="companies"
        counts={counts}
        showInactive={can(actor, "view inactive contacts", at)}
        companyCounts={{ active: companyCount ?? total, inactive: 0 }}
        showInactiveCompanies={false}
      />
      <p className="mt-3 text-sm text-slate-600">
        Companies with at least one active contact on this project, and how many of their people are.
      </p>
      <div id="directory-panel" className="mt-4">
        <ProjectCompaniesTable companyId={companyId} rows={rows} total={total} query={query} />
      </div>
    </>
  );
}
