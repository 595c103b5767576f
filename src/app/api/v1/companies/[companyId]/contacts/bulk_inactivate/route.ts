import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { inactivateContacts } from "@/server/contacts/inactivate-contacts";

export const POST = apiRoute(endpoints.inactivateContacts, async ({ db, params, body }) => {
  const result = await inactivateContacts(db, { companyId: params.companyId, contactIds: body.contactIds });
  return { changed: result.changed.length, skipped: result.skipped, projectsAffected: result.projectIds.length };
});
