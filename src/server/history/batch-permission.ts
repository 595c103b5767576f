import type { Permission } from "@/server/permissions/can";
import type { BatchSummary } from "./undo-batch";

/** Undoing a change takes the permission the change itself took, on the same project. */
export function batchPermission(batch: Pick<BatchSummary, "action" | "projectId">): {
  permission: Permission;
  projectId?: string;
} {
  if (batch.action.startsWith("vendor")) return { permission: "change company status" };
  if (batch.action === "contacts.import")
    return { permission: "import contacts", projectId: batch.projectId ?? undefined };
  return batch.action === "project.remove_contacts" || batch.action === "project.add_contacts"
    ? { permission: "manage project members", projectId: batch.projectId ?? undefined }
    : batch.action === "contact.create" || batch.action === "contact.update"
      ? { permission: "edit contacts" }
      : { permission: "change contact status" };
}
