import "server-only";
import { countContacts } from "@/server/contacts/count-contacts";
import { listContacts } from "@/server/contacts/list-contacts";
import { getPrisma } from "@/server/db/client";
import { contactFilters, tabStatus, type DirectoryQuery, type DirectoryTab } from "@/shared/directory-query";

export type DirectoryScope = { companyId: string; projectId?: string };

/**
 * Everything one directory tab shows: a page of rows, the match total, both tab counts,
 * the companies its filter offers, and the project it is filtered by (the Project filter
 * searches the server for the others: a company has thousands).
 */
export async function loadDirectory(scope: DirectoryScope, tab: DirectoryTab, query: DirectoryQuery) {
  const prisma = await getPrisma();
  const [list, counts, filteredVendor, filteredProject] = await Promise.all([
    listContacts(prisma, { ...scope, ...directoryListing(query), status: tabStatus(tab) }),
    countContacts(prisma, scope),
    query.vendor
      ? prisma.vendor.findFirst({
          where: { companyId: scope.companyId, id: query.vendor },
          select: { id: true, name: true, status: true },
        })
      : null,
    query.project
      ? prisma.project.findFirst({
          where: { companyId: scope.companyId, id: query.project },
          select: { id: true, name: true },
        })
      : null,
  ]);
  return { ...list, counts, filteredVendor, filteredProject };
}

/** A tab's URL query as the domain's listing options. */
export function directoryListing({ sort, group, page, perPage, ...query }: DirectoryQuery) {
  return { sort, group, page, perPage, ...contactFilters(query) };
}
