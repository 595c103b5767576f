import { AppHeader } from "@/features/companies/app-header";
import { SkipLink } from "@/features/companies/skip-link";
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
      <SkipLink />
      <AppHeader
        company={{ id: company.id, name: company.name }}
        user={{ name: company.actor.name }}
        showHistory={can(company.actor, "view history")}
      />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 outline-none sm:px-6">
        {children}
      </main>
    </>
  );
}
