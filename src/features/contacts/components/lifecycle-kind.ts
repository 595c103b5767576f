import type { DirectoryTab } from "@/shared/directory-query";

/** What a directory's rows can be put through: the company-wide status, or membership of the project. */
export type LifecycleKind = "reactivate" | "inactivate" | "remove";

/** How the Bulk Actions menu and a row's menu name each. */
export const LIFECYCLE_LABELS: Record<LifecycleKind, string> = {
  inactivate: "Inactivate",
  reactivate: "Reactivate",
  remove: "Remove from Project",
};

/**
 * The change a tab offers. Inactivation is company-wide, so it lives on the company
 * directory; a project's directory manages who is on that project.
 */
export function lifecycleKind(tab: DirectoryTab, projectId?: string): LifecycleKind {
  return projectId ? "remove" : tab === "contacts" ? "inactivate" : "reactivate";
}
