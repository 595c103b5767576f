import { exportCompaniesTab } from "@/features/vendors/export-route";

export function GET(request: Request, context: { params: Promise<{ companyId: string }> }) {
  return exportCompaniesTab(request, context, "companies");
}
