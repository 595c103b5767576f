import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { loadCompany } from "@/features/companies/queries";
import { ChangeHistoryView } from "@/features/history/components/change-history-view";
import { HISTORY_PAGE_SIZE, parseHistorySearchParams } from "@/features/history/search-params";
import { getPrisma } from "@/server/db/client";
import { listCompanyHistory, listHistoryActors } from "@/server/history/list-history";
import { listUndoableBatches } from "@/server/history/list-undoable-batches";
import { can } from "@/server/permissions/can";
import { projectNames } from "@/server/projects/project-names";

export const metadata: Metadata = { title: "Change History" };

type Props = {
  params: Promise<{ companyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ChangeHistoryPage({ params, searchParams }: Props) {
  const company = await loadCompany((await params).companyId);
  if (!can(company.actor, "view history")) forbidden();
  const { filters, page } = parseHistorySearchParams(await searchParams);
  const prisma = await getPrisma();
  const [{ items, total }, people] = await Promise.all([
    listCompanyHistory(prisma, { companyId: company.id, ...filters, page, perPage: HISTORY_PAGE_SIZE }),
    listHistoryActors(prisma, company.id),
  ]);
  const [names, undoable] = await Promise.all([
    projectNames(
      prisma,
      company.id,
      items.flatMap((i) => i.projectIds),
    ),
    can(company.actor, "change contact status")
      ? listUndoableBatches(
          prisma,
          company.id,
          items.map((i) => i.batchId),
        )
      : new Set<string>(),
  ]);
  return (
    <ChangeHistoryView
      companyId={company.id}
      filters={filters}
      page={page}
      pageCount={Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE))}
      total={total}
      items={items}
      projectNames={names}
      people={people}
      undoable={undoable}
    />
  );
}
