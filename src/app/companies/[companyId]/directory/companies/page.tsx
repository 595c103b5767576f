import type { Metadata } from "next";
import { loadCompany } from "@/features/companies/queries";
import { CompaniesView } from "@/features/vendors/components/companies-view";

export const metadata: Metadata = { title: "Companies" };

type Props = {
  params: Promise<{ companyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CompaniesPage({ params, searchParams }: Props) {
  const company = await loadCompany((await params).companyId);
  return (
    <CompaniesView companyId={company.id} actor={company.actor} tab="companies" searchParams={await searchParams} />
  );
}
