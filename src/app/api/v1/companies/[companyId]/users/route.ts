import { endpoints } from "@/server/api/endpoints";
import { notFoundError, apiRoute } from "@/server/api/route";
import { toUserJson } from "@/server/api/serialize";
import { inviteUser } from "@/server/users/invite-user";
import { getCompanyUser, listCompanyUsers } from "@/server/users/list-company-users";
import { byActor } from "@/server/users/by-actor";

export const GET = apiRoute(endpoints.listUsers, async ({ db, params, query }) => {
  const { status, q, page, perPage } = query;
  const { users, total } = await listCompanyUsers(db, {
    companyId: params.companyId,
    statuses: status ? [status] : undefined,
    q,
    page,
    perPage,
  });
  return { data: users.map(toUserJson), page, perPage, total };
});

export const POST = apiRoute(endpoints.inviteUser, async ({ db, actor, params, body }) => {
  const { userId } = await inviteUser(db, { companyId: params.companyId, ...body, by: byActor(actor) });
  const user = await getCompanyUser(db, params.companyId, userId);
  if (!user) throw notFoundError("userId");
  return toUserJson(user);
});
