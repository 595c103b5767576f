import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { loadCompany } from "@/features/companies/queries";
import { ChangeHistoryView } from "@/features/history/components/change-history-view";
import { HISTORY_PAGE_SIZE, parseHistorySearchParams } from "@/features/history/search-params";
import { getPrisma } from "@/server/db/client";
import { batchPermission } from "@/server/history/batch-permission";
import { listHistoryActors } from "@/server/history/list-history";
import { listHistoryBatches } from "@/server/history/list-history-batches";
import { listBatchEntries } from "@/server/history/list-history-events";
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
  const [{ batches, total }, people] = await Promise.all([
    listHistoryBatches(prisma, { companyId: company.id, ...filters, page, perPage: HISTORY_PAGE_SIZE }),
    listHistoryActors(prisma, company.id),
  ]);
  const singleIds = batches.filter((b) => b.counts.length === 1 && b.counts[0]!.count === 1).map((b) => b.id);
  // Undo is offered where this member may undo: the permission the change itself took.
  const mayUndo = batches.filter((b) => {
    const { permission, projectId } = batchPermission(b);
    return can(company.actor, permission, { projectId });
  });
  const [singles, undoable] = await Promise.all([
    listBatchEntries(prisma, company.id, singleIds),
    listUndoableBatches(
      prisma,
      company.id,
      mayUndo.map((b) => b.id),
    ),
  ]);
  const names = await projectNames(
    prisma,
    company.id,
    singles.flatMap((e) =>
      e.record === "contacts"
        ? e.projectIds
        : e.action === "user.level_changed" && e.changes.projectId
          ? [e.changes.projectId]
          : [],
    ),
  );
  return (
    <ChangeHistoryView
      companyId={company.id}
      filters={filters}
      page={page}
      pageCount={Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE))}
      total={total}
      batches={batches}
      singles={new Map(singles.map((e) => [e.batchId, e]))}
      projectNames={names}
      people={people}
      undoable={undoable}
    />
  );
}
