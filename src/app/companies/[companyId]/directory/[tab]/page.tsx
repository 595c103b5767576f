import type { Metadata } from "next";
import { loadCompany } from "@/features/companies/queries";
import { DirectoryView, parseTab } from "@/features/contacts/components/directory-view";

type Props = {
  params: Promise<{ companyId: string; tab: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { companyId, tab } = await params;
  // A company the user is not in gets the 404 page, titled as one.
  await loadCompany(companyId);
  return { title: parseTab(tab) === "contacts" ? "Contacts" : "Inactive Contacts" };
}

export default async function CompanyDirectoryPage({ params, searchParams }: Props) {
  const { companyId, tab } = await params;
  const company = await loadCompany(companyId);
  return (
    <DirectoryView
      scope={{ companyId: company.id }}
      actor={company.actor}
      basePath={`/companies/${company.id}/directory`}
      tab={tab}
      searchParams={await searchParams}
    />
  );
}
