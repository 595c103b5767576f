import { endpoints } from "@/server/api/endpoints";
import { apiRoute, notFoundError } from "@/server/api/route";
import { toHistoryItemJson } from "@/server/api/serialize";
import { ApiError } from "@/server/api/errors";
import { contactVisibility, getContact } from "@/server/contacts/get-contact";
import { listContactHistory } from "@/server/history/list-history";
import { missingToSeeContact, REFUSAL } from "@/server/permissions/can";

export const GET = apiRoute(endpoints.contactHistory, async ({ db, actor, params }) => {
  const contact = await getContact(db, params);
  if (!contact) throw notFoundError("contactId");
  // An inactive contact's history is for those who may see the inactive contact.
  const missing = missingToSeeContact(actor, contactVisibility(contact));
  if (missing) throw new ApiError("forbidden", REFUSAL[missing]);
  const items = await listContactHistory(db, params.companyId, params.contactId);
  return { data: (items ?? []).map(toHistoryItemJson) };
});
