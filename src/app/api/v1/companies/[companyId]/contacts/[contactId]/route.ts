import { endpoints } from "@/server/api/endpoints";
import { apiRoute, notFoundError } from "@/server/api/route";
import { toContactDetailJson, toContactJson } from "@/server/api/serialize";
import { getContact } from "@/server/contacts/get-contact";
import { updateContact } from "@/server/contacts/update-contact";
import { changedBy } from "@/server/history/changed-by";

export const GET = apiRoute(endpoints.getContact, async ({ db, params }) => {
  const contact = await getContact(db, params);
  if (!contact) throw notFoundError("contactId");
  return toContactDetailJson(contact);
});

export const PATCH = apiRoute(endpoints.updateContact, async ({ db, actor, params, body }) =>
  toContactJson(await updateContact(db, { ...params, patch: body, by: changedBy(actor) })),
);
