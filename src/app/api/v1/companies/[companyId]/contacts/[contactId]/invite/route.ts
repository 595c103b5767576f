import { endpoints } from "@/server/api/endpoints";
import { notFoundError, apiRoute } from "@/server/api/route";
import { toUserJson } from "@/server/api/serialize";
import { byActor } from "@/server/users/by-actor";
import { inviteContact } from "@/server/users/invite-contact";
import { getCompanyUser } from "@/server/users/list-company-users";

export const POST = apiRoute(endpoints.inviteContact, async ({ db, actor, params, body }) => {
  const { userId } = await inviteContact(db, {
    companyId: params.companyId,
    contactId: params.contactId,
    level: body.level,
    by: byActor(actor),
  });
  const user = await getCompanyUser(db, params.companyId, userId);
  if (!user) throw notFoundError("userId");
  return toUserJson(user);
});
