import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { listUserCompanies } from "@/server/companies/list-user-companies";

// The caller's own companies; a token sees only the one it was made in.
export const GET = apiRoute(endpoints.listCompanies, async ({ db, caller }) => {
  const companies = await listUserCompanies(db, caller.userId);
  return { data: caller.tokenCompanyId ? companies.filter((c) => c.id === caller.tokenCompanyId) : companies };
});
