import { endpoints } from "@/server/api/endpoints";
import { apiRoute, notFoundError } from "@/server/api/route";
import { dismissDuplicateGroup } from "@/server/contacts/find-duplicate-groups";

export const POST = apiRoute(endpoints.dismissDuplicates, async ({ db, actor, params }) => {
  const dismissed = await dismissDuplicateGroup(db, {
    companyId: params.companyId,
    groupId: params.groupId,
    userId: actor.userId,
  });
  if (!dismissed) throw notFoundError("groupId");
  return { id: params.groupId, dismissed: true as const };
});
