import { endpoints } from "@/server/api/endpoints";
import { apiRoute, notFoundError } from "@/server/api/route";
import { toUserJson } from "@/server/api/serialize";
import { byActor } from "@/server/users/by-actor";
import { getCompanyUser } from "@/server/users/list-company-users";
import { updateUserLevels } from "@/server/users/update-user-levels";

export const PATCH = apiRoute(endpoints.updateUser, async ({ db, actor, params, body }) => {
  const { companyId, userId } = params;
  if (!(await getCompanyUser(db, companyId, userId))) throw notFoundError("userId");
  await updateUserLevels(db, { companyId, userId, ...body, by: byActor(actor) });
  return toUserJson((await getCompanyUser(db, companyId, userId))!);
});
