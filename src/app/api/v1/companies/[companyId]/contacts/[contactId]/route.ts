import { endpoints } from "@/server/api/endpoints";
import { ApiError } from "@/server/api/errors";
import { apiRoute, notFoundError } from "@/server/api/route";
import { toContactDetailJson, toContactJson } from "@/server/api/serialize";
import { contactVisibility, getContact } from "@/server/contacts/get-contact";
import { updateContact } from "@/server/contacts/update-contact";
import { changedBy } from "@/server/history/changed-by";
import { missingToEditContact, missingToSeeContact, REFUSAL } from "@/server/permissions/can";

export const GET = apiRoute(endpoints.getContact, async ({ db, actor, params }) => {
  const contact = await getContact(db, params);
  if (!contact) throw notFoundError("contactId");
  const missing = missingToSeeContact(actor, contactVisibility(contact));
  if (missing) throw new ApiError("forbidden", REFUSAL[missing]);
  return toContactDetailJson(contact);
});

export const PATCH = apiRoute(endpoints.updateContact, async ({ db, actor, params, body }) => {
  const contact = await getContact(db, params);
  if (!contact) throw notFoundError("contactId");
  const missing = missingToEditContact(actor, contactVisibility(contact));
  if (missing) throw new ApiError("forbidden", REFUSAL[missing]);
  return toContactJson(await updateContact(db, { ...params, patch: body, by: changedBy(actor) }));
});
