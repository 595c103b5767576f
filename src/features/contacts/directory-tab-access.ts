import "server-only";
import { forbidden } from "next/navigation";
import type { Actor } from "@/server/permissions/actor";
import { can, viewPermission } from "@/server/permissions/can";
import { tabStatus, type DirectoryTab } from "@/shared/directory-query";
import { parseTab } from "./components/directory-view";

/**
 * A directory tab's URL checked before anything streams (the tab's layout runs before the
 * page's Suspense boundary), so the answer's status is honest: 404 for a tab that does not
 * exist, 403 for one this member may not open.
 */
export function openDirectoryTab(actor: Actor, rawTab: string, projectId?: string): DirectoryTab {
  const tab = parseTab(rawTab);
  if (!can(actor, viewPermission(tabStatus(tab)), { projectId })) forbidden();
  return tab;
}
