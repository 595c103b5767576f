import "server-only";
import { countContacts } from "@/server/contacts/count-contacts";
import { listContacts } from "@/server/contacts/list-contacts";
import { getPrisma } from "@/server/db/client";
import type { DirectoryQuery, DirectoryTab } from "./validations";

export type DirectoryScope = { companyId: string; projectId?: string };

export function tabStatus(tab: DirectoryTab) {
  return tab === "contacts" ? ("ACTIVE" as const) : ("INACTIVE" as const);
}

/** Everything one directory tab shows: a page of rows, the match total, and both tab counts. */
export async function loadDirectory(scope: DirectoryScope, tab: DirectoryTab, query: DirectoryQuery) {
  const prisma = await getPrisma();
  const [list, counts] = await Promise.all([
    listContacts(prisma, { ...scope, ...query, status: tabStatus(tab) }),
    countContacts(prisma, scope),
  ]);
  return { ...list, counts };
}
