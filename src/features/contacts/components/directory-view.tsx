import Link from "next/link";
import { Suspense } from "react";
import { forbidden, notFound, redirect } from "next/navigation";
import { readDuplicateGroupCount } from "@/server/contacts/read-duplicate-group-count";
import { getPrisma } from "@/server/db/client";
import type { Actor } from "@/server/permissions/actor";
import { can, canListContacts } from "@/server/permissions/can";
import { loadDirectory, type DirectoryScope } from "../queries";
import { DIRECTORY_TABS, tabStatus, type DirectoryQuery, type DirectoryTab } from "@/shared/directory-query";
import { parseDirectorySearchParams, serializeDirectorySearchParams } from "../validations";
import { ContactsTable, type DirectoryPermissions } from "./contacts-table";
import { packContactRows } from "../packed-rows";
import { DirectorySkeleton } from "./directory-skeleton";
import { DirectoryTabs } from "./directory-tabs";
import { countVendors } from "@/server/vendors/list-vendors";
import { countProjectVendors } from "@/server/vendors/list-project-vendors";

type Props = {
  scope: DirectoryScope;
  actor: Actor;
  /** The path the tabs hang off: `/companies/:id/directory` or a project's. */
  basePath: string;
  tab: string;
  searchParams: Record<string, string | string[] | undefined>;
};

export function parseTab(tab: string): DirectoryTab {
  return (DIRECTORY_TABS as readonly string[]).includes(tab) ? (tab as DirectoryTab) : notFound();
}

/**
 * A directory tab. Everything that can refuse (an unknown tab, a project filter this member
 * may not see) runs before the first Suspense boundary, so the answer's HTTP status is
 * honest (403, 404); the rows stream in behind the skeleton after that.
 */
export function DirectoryView({ scope, actor, basePath, tab: rawTab, searchParams }: Props) {
  const tab = parseTab(rawTab);
  // src/proxy.ts has already sent malformed URLs to their canonical form.
  const { query } = parseDirectorySearchParams(searchParams);
  // The tab's layout has refused members who may not open it; here, a project filter they may not see.
  if (!canListContacts(actor, tabStatus(tab), { projectId: scope.projectId, memberOf: query.project })) forbidden();
  return (
    <Suspense fallback={<DirectorySkeleton />}>
      <DirectoryContent scope={scope} actor={actor} basePath={basePath} tab={tab} query={query} />
    </Suspense>
  );
}

type ContentProps = Omit<Props, "tab" | "searchParams"> & { tab: DirectoryTab; query: DirectoryQuery };

async function DirectoryContent({ scope, actor, basePath, tab, query }: ContentProps) {
  const at = { projectId: scope.projectId };
  const permissions: DirectoryPermissions = {
    viewInactive: can(actor, "view inactive contacts", at),
    bulk: scope.projectId ? can(actor, "manage project members", at) : can(actor, "change contact status"),
    addContacts: can(actor, "edit contacts", at),
    addFromDirectory: Boolean(scope.projectId) && can(actor, "manage project members", at),
    importContacts: can(actor, "import contacts", at),
  };
  const here = `${basePath}/${tab}`;

  // Company Directory admins see how many groups of probable duplicates there are, from the Contacts tab.
  const showDuplicates = !scope.projectId && tab === "contacts" && can(actor, "change contact status");
  const [{ rows, total, counts, filteredVendor, filteredProject }, companyCounts] = await Promise.all([
    loadDirectory(scope, tab, query),
    scope.projectId
      ? countProjectVendors(await getPrisma(), { companyId: scope.companyId, projectId: scope.projectId }).then(
          (active) => ({ active, inactive: 0 }),
        )
      : countVendors(await getPrisma(), scope.companyId),
  ]);
  const lastPage = Math.max(1, Math.ceil(total / query.perPage));
  if (query.page > lastPage) redirect(`${here}${serializeDirectorySearchParams({ ...query, page: lastPage })}`);

  return (
    <>
      <DirectoryTabs
        basePath={basePath}
        current={tab}
        counts={counts}
        showInactive={permissions.viewInactive}
        companyCounts={companyCounts}
        showInactiveCompanies={!scope.projectId && can(actor, "view inactive companies")}
        showUsers={!scope.projectId}
        showInactiveUsers={!scope.projectId && can(actor, "manage users")}
      />
      {showDuplicates && (
        <p className="mt-2 text-sm">
          {/* Counting groups reads the whole directory: streamed in, so the table never waits for it. */}
          <Suspense
            fallback={
              <Link href={`${basePath}/duplicates`} className="text-blue-700 underline">
                Duplicates
              </Link>
            }
          >
            <DuplicatesLink href={`${basePath}/duplicates`} companyId={scope.companyId} />
          </Suspense>
        </p>
      )}
      <div id="directory-panel" className="mt-4">
        <ContactsTable
          companyId={scope.companyId}
          projectId={scope.projectId}
          permissions={permissions}
          tab={tab}
          packedRows={packContactRows(rows)}
          total={total}
          query={query}
          companyFilter={{
            companyId: scope.companyId,
            selected: filteredVendor && {
              id: filteredVendor.id,
              name: filteredVendor.name,
              inactive: filteredVendor.status !== "ACTIVE",
            },
          }}
          projectFilter={scope.projectId ? undefined : { companyId: scope.companyId, selected: filteredProject }}
          exportHref={`${here}/export${serializeDirectorySearchParams({ ...query, page: 1 })}`}
          importHref={permissions.importContacts ? `${basePath}/import` : undefined}
        />
      </div>
    </>
  );
}

/** The count may lag a change by a few seconds (see readDuplicateGroupCount); the page it opens is exact. */
async function DuplicatesLink({ href, companyId }: { href: string; companyId: string }) {
  const n = await readDuplicateGroupCount(await getPrisma(), companyId);
  return (
    <Link href={href} className="text-blue-700 underline">
      Duplicates ({n.toLocaleString("en-US")})
    </Link>
  );
}
