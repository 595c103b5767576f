import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { runBulkStatusChange } from "@/server/api/bulk-status-change";
import { reactivateContacts } from "@/server/contacts/reactivate-contacts";

export const POST = apiRoute(endpoints.reactivateContacts, (input) => runBulkStatusChange(input, "reactivate", reactivateContacts));
