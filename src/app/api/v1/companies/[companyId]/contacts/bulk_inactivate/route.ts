import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { runBulkStatusChange } from "@/server/api/bulk-status-change";
import { inactivateContacts } from "@/server/contacts/inactivate-contacts";

export const POST = apiRoute(endpoints.inactivateContacts, (input) => runBulkStatusChange(input, "inactivate", inactivateContacts));
