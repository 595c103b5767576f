import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { byActor } from "@/server/users/by-actor";
import { revokeInvitation } from "@/server/users/revoke-invitation";

export const DELETE = apiRoute(endpoints.revokeInvitation, async ({ db, actor, params }) => {
  const { userId, batchId } = await revokeInvitation(db, {
    companyId: params.companyId,
    invitationId: params.invitationId,
    by: byActor(actor),
  });
  return { revoked: true as const, userId, batchId };
});
