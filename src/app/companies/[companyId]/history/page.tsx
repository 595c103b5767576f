import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { loadCompany } from "@/features/companies/queries";
import { ChangeHistoryView } from "@/features/history/components/change-history-view";
import { HISTORY_PAGE_SIZE, parseHistorySearchParams } from "@/features/history/search-params";
import { getPrisma } from "@/server/db/client";
import { listBatchItems, listHistoryActors } from "@/server/history/list-history";
import { listHistoryBatches } from "@/server/history/list-history-batches";
import { listUndoableBatches } from "@/server/history/list-undoable-batches";
import { can } from "@/server/permissions/can";
import { projectNames } from "@/server/projects/project-names";
import { UserHistory } from "@/features/users/components/user-history";
import { listUserHistory } from "@/server/users/list-user-history";

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
  const [{ batches, total }, people, userChanges] = await Promise.all([
    listHistoryBatches(prisma, { companyId: company.id, ...filters, page, perPage: HISTORY_PAGE_SIZE }),
    listHistoryActors(prisma, company.id),
    listUserHistory(prisma, { companyId: company.id }),
  ]);
  const singleIds = batches.filter((b) => b.counts.length === 1 && b.counts[0]!.count === 1).map((b) => b.id);
  const [singles, undoable] = await Promise.all([
    listBatchItems(prisma, company.id, singleIds),
    can(company.actor, "change contact status")
      ? listUndoableBatches(
          prisma,
          company.id,
          batches.map((b) => b.id),
        )
      : new Set<string>(),
  ]);
  const names = await projectNames(prisma, company.id, [
    ...singles.flatMap((i) => i.projectIds),
    ...userChanges.flatMap((u) =>
      u.action === "user.level_changed" && u.changes.projectId ? [u.changes.projectId] : [],
    ),
  ]);
  return (
    <>
      <ChangeHistoryView
        companyId={company.id}
        filters={filters}
        page={page}
        pageCount={Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE))}
        total={total}
        batches={batches}
        singles={new Map(singles.map((s) => [s.batchId, s]))}
        projectNames={names}
        people={people}
        undoable={undoable}
      />
      <UserHistory items={userChanges} projectNames={names} />
    </>
  );
}
