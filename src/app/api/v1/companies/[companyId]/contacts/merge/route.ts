import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { toContactDetailJson } from "@/server/api/serialize";
import { mergeContactsOnce } from "@/server/contacts/merge-contacts";

export const POST = apiRoute(endpoints.mergeContacts, async ({ db, actor, params, body, idempotencyKey }) => {
  const { batchId, contact } = await mergeContactsOnce(db, {
    companyId: params.companyId,
    input: body,
    actor,
    idempotencyKey,
  });
  return { batchId, contact: toContactDetailJson(contact) };
});
