import { AppHeader } from "@/features/companies/app-header";
import { can } from "@/server/permissions/can";
import { loadCompany } from "@/features/companies/queries";

export default async function CompanyLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ companyId: string }>;
}) {
  const company = await loadCompany((await params).companyId);
  return (
    <>
      <AppHeader company={company} user={company.actor} showHistory={can(company.actor, "view history")} />
      <main className="mx-auto max-w-7xl px-6 py-6">{children}</main>
    </>
  );
}
