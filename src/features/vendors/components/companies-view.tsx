import "server-only";
import { forbidden, redirect } from "next/navigation";
import { DirectoryTabs } from "@/features/contacts/components/directory-tabs";
import type { Actor } from "@/server/permissions/actor";
import { can } from "@/server/permissions/can";
import type { VendorTab } from "@/shared/vendor-query";
import { loadCompaniesTab } from "../queries";
import { parseVendorSearchParams, serializeVendorSearchParams } from "../validations";
import { CompaniesTable } from "./companies-table";

type Props = {
  companyId: string;
  actor: Actor;
  tab: VendorTab;
  searchParams: Record<string, string | string[] | undefined>;
};

/** The company directory's Companies or Inactive Companies tab, with every tab's count. */
export async function CompaniesView({ companyId, actor, tab, searchParams }: Props) {
  const basePath = `/companies/${companyId}/directory`;
  const needed = tab === "companies" ? "view contacts" : "view inactive companies";
  if (!can(actor, needed)) forbidden();
  const { query } = parseVendorSearchParams(searchParams);
  const { rows, total, counts, companyCounts } = await loadCompaniesTab(companyId, tab, query);
  const lastPage = Math.max(1, Math.ceil(total / query.perPage));
  const here = `${basePath}/${tab}`;
  if (query.page > lastPage) redirect(`${here}${serializeVendorSearchParams({ ...query, page: lastPage })}`);
  return (
    <>
      <DirectoryTabs
        basePath={basePath}
        current={tab}
        counts={counts}
        showInactive={can(actor, "view inactive contacts")}
        companyCounts={companyCounts}
        showInactiveCompanies={can(actor, "view inactive companies")}
        showUsers
      />
      <div role="tabpanel" id="directory-panel" aria-labelledby={`tab-${tab}`} className="mt-4">
        <CompaniesTable
          companyId={companyId}
          tab={tab}
          rows={rows}
          total={total}
          query={query}
          permissions={{ bulk: can(actor, "change company status"), add: can(actor, "edit companies") }}
          exportHref={`${here}/export${serializeVendorSearchParams({ ...query, page: 1 })}`}
        />
      </div>
    </>
  );
}
