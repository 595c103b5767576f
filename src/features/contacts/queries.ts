import "server-only";
import { countContacts } from "@/server/contacts/count-contacts";
import { listContacts } from "@/server/contacts/list-contacts";
import { getPrisma } from "@/server/db/client";
import { listVendors } from "@/server/vendors/list-vendors";
import type { DirectoryQuery, DirectoryTab } from "./validations";

export type DirectoryScope = { companyId: string; projectId?: string };

export function tabStatus(tab: DirectoryTab) {
  return tab === "contacts" ? ("ACTIVE" as const) : ("INACTIVE" as const);
}

/**
 * Everything one directory tab shows: a page of rows, the match total, both tab counts,
 * and the companies and projects its filters offer.
 */
export async function loadDirectory(scope: DirectoryScope, tab: DirectoryTab, query: DirectoryQuery) {
  const prisma = await getPrisma();
  const [list, counts, vendors, projects] = await Promise.all([
    listContacts(prisma, { ...scope, ...query, status: tabStatus(tab) }),
    countContacts(prisma, scope),
    listVendors(prisma, scope.companyId),
    prisma.project.findMany({ where: { companyId: scope.companyId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { ...list, counts, vendors, projects };
}
