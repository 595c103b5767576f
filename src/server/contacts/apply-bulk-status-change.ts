import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ContactStatus } from "@/generated/prisma/enums";
import type { BulkSelection } from "@/shared/bulk-selection";
import { changedBy } from "@/server/history/changed-by";
import { withIdempotency } from "@/server/idempotency/with-idempotency";
import type { Actor } from "@/server/permissions/actor";
import { changeContactStatus, type ContactStatusChange } from "./change-contact-status";
import { selectedContactIds } from "./select-matching-contacts";

/** What a bulk inactivation or reactivation answers, to the dialog and to the API alike. */
export type BulkStatusChangeSummary = {
  /** The change's record in the history, which Undo takes back; null when nothing changed. */
  batchId: string | null;
  changed: number;
  skipped: ContactStatusChange["skipped"];
  /** How many project directories the changed contacts left or returned to. */
  projectsAffected: number;
};

export type BulkStatusChangeOptions = {
  companyId: string;
  to: ContactStatus;
  /** The ids chosen, or "all matching" a tab's search and filters (resolved here, not by the browser). */
  selection: BulkSelection;
  /** Who acts; already allowed to change contact status. */
  actor: Pick<Actor, "userId" | "name">;
  reason?: string | null;
  /** A retry with the same key gets the first answer and changes nothing (see with-idempotency.ts). */
  idempotencyKey?: string | null;
};

/**
 * Bulk Inactivate / Reactivate as a user asks for it, from a dialog or the API: once per
 * key, with the selection resolved inside the change's transaction, recorded with the
 * actor and reason.
 */
export async function applyBulkStatusChange(
  prisma: PrismaClient,
  { companyId, to, selection, actor, reason, idempotencyKey }: BulkStatusChangeOptions,
): Promise<BulkStatusChangeSummary> {
  const { result } = await withIdempotency(
    prisma,
    { companyId, userId: actor.userId, key: idempotencyKey, request: [to, selection, reason ?? null] },
    async (db): Promise<BulkStatusChangeSummary> => {
      const contactIds = await selectedContactIds(db, {
        companyId,
        status: to === "ACTIVE" ? "INACTIVE" : "ACTIVE",
        selection,
      });
      const r = await changeContactStatus(db, { companyId, contactIds, to, by: changedBy(actor, reason) });
      return {
        batchId: r.batchId,
        changed: r.changed.length,
        skipped: r.skipped,
        projectsAffected: r.projectIds.length,
      };
    },
  );
  return result;
}
