import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { changedBy } from "@/server/history/changed-by";
import { withIdempotency } from "@/server/idempotency/with-idempotency";
import type { Actor } from "@/server/permissions/actor";
import { MAX_BULK_VENDORS } from "@/shared/vendor-fields";
import type { VendorFilters, VendorListStatus } from "@/shared/vendor-query";
import { changeVendorStatus, type VendorStatusChange } from "./change-vendor-status";
import { selectMatchingVendorIds } from "./list-vendors";

/** What a bulk company inactivation or reactivation answers, to the dialog and to the API alike. */
export type BulkVendorStatusSummary = {
  batchId: string | null;
  changed: number;
  skipped: VendorStatusChange["skipped"];
  /** How many of their people changed status with them (includeContacts). */
  contactsChanged: number;
};

/** The companies chosen, or every company matching a Companies tab's search and filters (resolved here). */
export type VendorSelection = { vendorIds: string[] } | { matching: Omit<VendorFilters, "status"> };

export type BulkVendorStatusOptions = {
  companyId: string;
  to: VendorListStatus;
  selection: VendorSelection;
  includeContacts?: boolean;
  /** Who acts; already allowed to change company status. */
  actor: Pick<Actor, "userId" | "name">;
  reason?: string | null;
  idempotencyKey?: string | null;
};

/**
 * Bulk Inactivate / Reactivate Companies as a user asks for it, from a dialog or the API:
 * once per key, with the selection resolved inside the change's transaction, recorded with
 * the actor and reason.
 */
export async function applyBulkVendorStatusChange(
  prisma: PrismaClient,
  { companyId, to, selection, includeContacts = false, actor, reason, idempotencyKey }: BulkVendorStatusOptions,
): Promise<BulkVendorStatusSummary> {
  const { result } = await withIdempotency(
    prisma,
    {
      companyId,
      userId: actor.userId,
      key: idempotencyKey,
      request: ["vendors", to, selection, includeContacts, reason ?? null],
    },
    async (db): Promise<BulkVendorStatusSummary> => {
      const vendorIds =
        "vendorIds" in selection
          ? selection.vendorIds
          : await selectMatchingVendorIds(
              db,
              companyId,
              { ...selection.matching, status: to === "ACTIVE" ? "INACTIVE" : "ACTIVE" },
              MAX_BULK_VENDORS,
            );
      const r = await changeVendorStatus(db, {
        companyId,
        vendorIds,
        to,
        includeContacts,
        by: changedBy(actor, reason),
      });
      return {
        batchId: r.batchId,
        changed: r.changed.length,
        skipped: r.skipped,
        contactsChanged: r.contactsChanged.length,
      };
    },
  );
  return result;
}
