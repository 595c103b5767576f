import { endpoints } from "@/server/api/endpoints";
import { ApiError } from "@/server/api/errors";
import { apiRoute } from "@/server/api/route";
import { changedBy } from "@/server/history/changed-by";
import { removeContactsFromProject } from "@/server/projects/remove-contacts-from-project";

export const DELETE = apiRoute(endpoints.removeContactFromProject, async ({ db, actor, params }) => {
  const { companyId, projectId, contactId } = params;
  const { batchId, removed } = await removeContactsFromProject(db, {
    companyId,
    projectId,
    contactIds: [contactId],
    by: changedBy(actor),
  });
  if (!batchId || !removed.includes(contactId)) {
    throw new ApiError("not_found", "That contact is not on this project's directory (or was already removed).");
  }
  return { batchId, removed: contactId };
});
