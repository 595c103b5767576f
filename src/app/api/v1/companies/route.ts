import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { listCompanies } from "@/server/companies/list-companies";

export const GET = apiRoute(endpoints.listCompanies, async ({ db }) => ({ data: await listCompanies(db) }));
