import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { toBulkUsersJson } from "@/server/api/serialize";
import { byActor } from "@/server/users/by-actor";
import { changeUserStatus } from "@/server/users/change-user-status";

export const POST = apiRoute(endpoints.inactivateUsers, async ({ db, actor, params, body }) =>
  toBulkUsersJson(
    await changeUserStatus(db, {
      companyId: params.companyId,
      userIds: body.userIds,
      to: "INACTIVE",
      by: byActor(actor, body.reason),
    }),
  ),
);
