import { endpoints } from "@/server/api/endpoints";
import { apiRoute, notFoundError } from "@/server/api/route";
import { toUserJson } from "@/server/api/serialize";
import { byActor } from "@/server/users/by-actor";
import { getCompanyUser } from "@/server/users/list-company-users";
import { resendInvitation } from "@/server/users/resend-invitation";

export const POST = apiRoute(endpoints.resendInvitation, async ({ db, actor, params }) => {
  const { companyId, userId } = params;
  if (!(await getCompanyUser(db, companyId, userId))) throw notFoundError("userId");
  await resendInvitation(db, { companyId, userId, by: byActor(actor) });
  return toUserJson((await getCompanyUser(db, companyId, userId))!);
});
