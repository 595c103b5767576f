import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { reactivateContacts } from "@/server/contacts/reactivate-contacts";

export const POST = apiRoute(endpoints.reactivateContacts, async ({ db, params, body }) => {
  const result = await reactivateContacts(db, { companyId: params.companyId, contactIds: body.contactIds });
  return { changed: result.changed.length, skipped: result.skipped, projectsAffected: result.projectIds.length };
});
