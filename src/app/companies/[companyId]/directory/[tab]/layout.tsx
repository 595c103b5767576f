import { loadCompany } from "@/features/companies/queries";
import { openDirectoryTab } from "@/features/contacts/directory-tab-access";

export default async function CompanyDirectoryTabLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ companyId: string; tab: string }>;
}) {
  const { companyId, tab } = await params;
  openDirectoryTab((await loadCompany(companyId)).actor, tab);
  return children;
}
