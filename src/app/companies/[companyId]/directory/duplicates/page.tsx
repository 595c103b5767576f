import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { loadCompany } from "@/features/companies/queries";
import { DuplicatesView } from "@/features/contacts/components/duplicates-view";
import { loadDuplicates, parseDuplicatesSearchParams } from "@/features/contacts/duplicates-queries";
import { can } from "@/server/permissions/can";

type Props = {
  params: Promise<{ companyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Duplicates" };

export default async function DuplicatesPage({ params, searchParams }: Props) {
  const { companyId } = await params;
  const company = await loadCompany(companyId);
  if (!can(company.actor, "change contact status")) forbidden();
  const query = parseDuplicatesSearchParams(await searchParams);
  const { groups, total } = await loadDuplicates(company.id, query);
  return (
    <DuplicatesView
      companyId={company.id}
      groups={groups}
      total={total}
      reason={query.reason}
      page={query.page}
      perPage={query.perPage}
    />
  );
}
