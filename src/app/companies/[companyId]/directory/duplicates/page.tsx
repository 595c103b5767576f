import type { Metadata } from "next";
import { loadCompany } from "@/features/companies/queries";
import { DuplicatesView } from "@/features/contacts/components/duplicates-view";
import { loadDuplicates, parseDuplicatesSearchParams } from "@/features/contacts/duplicates-queries";
import { can, REFUSAL } from "@/server/permissions/can";

type Props = {
  params: Promise<{ companyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Duplicates" };

export default async function DuplicatesPage({ params, searchParams }: Props) {
  const { companyId } = await params;
  const company = await loadCompany(companyId);
  if (!can(company.actor, "change contact status")) {
    return (
      <div
        role="alert"
        className="rounded-lg border border-amber-200 bg-amber-50 px-6 py-10 text-center text-amber-900"
      >
        <p className="font-medium">You can&apos;t open the Duplicates page.</p>
        <p className="mt-1 text-sm">{REFUSAL["change contact status"]}</p>
      </div>
    );
  }
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
