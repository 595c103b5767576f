import { notFound, redirect } from "next/navigation";
import { loadDirectory, type DirectoryScope } from "../queries";
import { DIRECTORY_TABS, parseDirectorySearchParams, serializeDirectorySearchParams, type DirectoryTab } from "../validations";
import { ContactsTable } from "./contacts-table";
import { DirectoryTabs } from "./directory-tabs";

type Props = {
  scope: DirectoryScope;
  /** The path the tabs hang off: `/companies/:id/directory` or a project's. */
  basePath: string;
  tab: string;
  searchParams: Record<string, string | string[] | undefined>;
};

export function parseTab(tab: string): DirectoryTab {
  return (DIRECTORY_TABS as readonly string[]).includes(tab) ? (tab as DirectoryTab) : notFound();
}

export async function DirectoryView({ scope, basePath, tab: rawTab, searchParams }: Props) {
  const tab = parseTab(rawTab);
  const here = `${basePath}/${tab}`;
  // src/proxy.ts has already sent malformed URLs to their canonical form.
  const { query } = parseDirectorySearchParams(searchParams);

  const { rows, total, counts, vendors, projects } = await loadDirectory(scope, tab, query);
  const lastPage = Math.max(1, Math.ceil(total / query.perPage));
  if (query.page > lastPage) redirect(`${here}${serializeDirectorySearchParams({ ...query, page: lastPage })}`);

  return (
    <>
      <DirectoryTabs basePath={basePath} current={tab} counts={counts} />
      <div role="tabpanel" id="directory-panel" aria-labelledby={`tab-${tab}`} className="mt-4">
        <ContactsTable
          companyId={scope.companyId}
          projectId={scope.projectId}
          tab={tab}
          rows={rows}
          total={total}
          query={query}
          vendors={vendors}
          projects={scope.projectId ? undefined : projects}
          exportHref={`${here}/export${serializeDirectorySearchParams({ ...query, page: 1 })}`}
        />
      </div>
    </>
  );
}
