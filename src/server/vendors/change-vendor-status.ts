import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { VendorStatus } from "@/generated/prisma/enums";
import { flipContactStatus, type StatusFlipEvent } from "@/server/contacts/flip-contact-status";
import { lockContacts } from "@/server/contacts/lock-contacts";
import { inTransaction, type Db } from "@/server/db/transaction";
import { SYSTEM, type ChangedBy } from "@/server/history/changed-by";
import { openBatch } from "@/server/history/open-batch";
import type { VendorListStatus } from "@/shared/vendor-query";
import { lockVendors, type LockedVendor } from "./lock-vendors";

type Tx = Prisma.TransactionClient;

export type VendorSkipReason = "already active" | "already inactive" | "merged" | "not found";

export type VendorStatusChange = {
  /** The change's record in the history (null when nothing changed): what Undo takes back. */
  batchId: string | null;
  /** Ids of the companies whose status changed, in id order. */
  changed: string[];
  skipped: { id: string; reason: VendorSkipReason }[];
  /** Ids of the contacts of those companies whose status changed with them (includeContacts), in id order. */
  contactsChanged: string[];
};

export type ChangeVendorStatusOptions = {
  companyId: string;
  /** Parsed ids: lower-case UUIDs without duplicates (see vendorIdsSchema). */
  vendorIds: string[];
  to: VendorListStatus;
  /**
   * Also flip those companies' people that are in the starting status, through the contact
   * lifecycle (their project directories with them), in the same transaction and batch.
   * Off: a company's status never changes its people's by itself.
   */
  includeContacts?: boolean;
  by?: ChangedBy;
};

/**
 * Inactivates or reactivates companies in one transaction with a fixed number of set-based
 * statements however many ids: the companies are locked (lockVendors), then — with
 * includeContacts — their people (lockContacts, companies before contacts), and the history
 * is written by the same statements: one batch, one event per company and per contact.
 */
export function changeVendorStatus(
  db: Db,
  { companyId, vendorIds, to, includeContacts = false, by = SYSTEM }: ChangeVendorStatusOptions,
): Promise<VendorStatusChange> {
  const from: VendorListStatus = to === "ACTIVE" ? "INACTIVE" : "ACTIVE";
  return inTransaction(db, async (tx) => {
    const found = await lockVendors(tx, companyId, vendorIds);
    const changed = found.filter((v) => v.status === from).map((v) => v.id);
    const skipped = skippedVendors(vendorIds, found, to);
    if (changed.length === 0) return { batchId: null, changed, skipped, contactsChanged: [] };
    const batchId = await openBatch(tx, companyId, to === "ACTIVE" ? "vendors.reactivate" : "vendors.inactivate", by);
    await flipVendors(tx, companyId, changed, to, batchId);
    const contactsChanged = includeContacts ? await flipPeople(tx, companyId, changed, to, batchId) : [];
    return { batchId, changed, skipped, contactsChanged };
  });
}

/** The companies' status and their events, in one statement. */
async function flipVendors(tx: Tx, companyId: string, vendorIds: string[], to: VendorListStatus, batchId: string) {
  const from: VendorStatus = to === "ACTIVE" ? "INACTIVE" : "ACTIVE";
  const action = to === "ACTIVE" ? "vendor.reactivated" : "vendor.inactivated";
  const changes = JSON.stringify({ status: { from, to } });
  await tx.$executeRaw`
    WITH changed AS (
      UPDATE "Vendor" SET status = ${to}::"VendorStatus",
        "inactivatedAt" = CASE WHEN ${to} = 'INACTIVE' THEN now() END, "updatedAt" = now()
      WHERE "companyId" = ${companyId}::uuid AND id = ANY(${vendorIds}::uuid[]) AND status = ${from}::"VendorStatus"
      RETURNING id
    )
    INSERT INTO "VendorEvent" ("companyId", "vendorId", "batchId", action, changes)
    SELECT ${companyId}::uuid, id, ${batchId}::uuid, ${action}, ${changes}::jsonb FROM changed`;
}

/** The companies' people in the starting status, through the one contact status flip. */
async function flipPeople(
  tx: Tx,
  companyId: string,
  vendorIds: string[],
  to: VendorListStatus,
  batchId: string,
): Promise<string[]> {
  const from = to === "ACTIVE" ? "INACTIVE" : "ACTIVE";
  const candidates = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM "Contact"
    WHERE "companyId" = ${companyId}::uuid AND "vendorId" = ANY(${vendorIds}::uuid[]) AND status = ${from}::"ContactStatus"
    ORDER BY id`;
  if (candidates.length === 0) return [];
  await lockContacts(
    tx,
    companyId,
    candidates.map((c) => c.id),
  );
  // Read again under the locks: a contact moved to another company or flipped meanwhile is left alone.
  const contactIds = (
    await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM "Contact"
      WHERE "companyId" = ${companyId}::uuid AND id = ANY(${candidates.map((c) => c.id)}::uuid[])
        AND "vendorId" = ANY(${vendorIds}::uuid[]) AND status = ${from}::"ContactStatus"
      ORDER BY id`
  ).map((c) => c.id);
  if (contactIds.length === 0) return [];
  const event: StatusFlipEvent =
    to === "ACTIVE"
      ? { action: "contact.reactivated", changes: { status: { from: "INACTIVE", to: "ACTIVE" } } }
      : { action: "contact.inactivated", changes: { status: { from: "ACTIVE", to: "INACTIVE" } } };
  await flipContactStatus(tx, { companyId, contactIds, to, batchId, event });
  return contactIds;
}

function skippedVendors(
  requested: string[],
  found: LockedVendor[],
  to: VendorListStatus,
): VendorStatusChange["skipped"] {
  const status = new Map(found.map((v) => [v.id, v.status]));
  const already: VendorSkipReason = to === "ACTIVE" ? "already active" : "already inactive";
  return requested.flatMap((id): VendorStatusChange["skipped"] => {
    const current = status.get(id);
    if (current === undefined) return [{ id, reason: "not found" }];
    if (current === "MERGED") return [{ id, reason: "merged" }];
    return current === to ? [{ id, reason: already }] : [];
  });
}
