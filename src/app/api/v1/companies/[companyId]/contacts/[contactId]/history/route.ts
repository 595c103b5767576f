import { endpoints } from "@/server/api/endpoints";
import { apiRoute, notFoundError } from "@/server/api/route";
import { toHistoryItemJson } from "@/server/api/serialize";
import { ApiError } from "@/server/api/errors";
import { getContact } from "@/server/contacts/get-contact";
import { listContactHistory } from "@/server/history/list-history";
import { can, REFUSAL, viewPermission } from "@/server/permissions/can";

export const GET = apiRoute(endpoints.contactHistory, async ({ db, actor, params }) => {
  const contact = await getContact(db, params);
  if (!contact) throw notFoundError("contactId");
  // An inactive contact's history is for those who may see inactive contacts.
  const permission = viewPermission(contact.status);
  if (!can(actor, permission)) throw new ApiError("forbidden", REFUSAL[permission]);
  const items = await listContactHistory(db, params.companyId, params.contactId);
  return { data: (items ?? []).map(toHistoryItemJson) };
});
