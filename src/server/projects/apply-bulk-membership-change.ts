import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { selectedContactIds } from "@/server/contacts/select-matching-contacts";
import { DomainError } from "@/server/errors";
import { changedBy } from "@/server/history/changed-by";
import { withIdempotency } from "@/server/idempotency/with-idempotency";
import type { Actor } from "@/server/permissions/actor";
import type { BulkSelection } from "@/shared/bulk-selection";
import { addContactsToProject, type AddContactsToProjectResult } from "./add-contacts-to-project";
import { removeContactsFromProject, type RemoveContactsFromProjectResult } from "./remove-contacts-from-project";

export type BulkMembershipChangeOptions = {
  companyId: string;
  projectId: string;
  /** Add active contacts to the project's directory (removed ones come back), or remove them from it. */
  change: "add" | "remove";
  /** The ids chosen, or (removing) "all matching" the tab's search and filters, resolved here. */
  selection: BulkSelection;
  /** Who acts; already allowed to manage the project's members. */
  actor: Pick<Actor, "userId" | "name">;
  reason?: string | null;
  /** A retry with the same key gets the first answer and changes nothing (see with-idempotency.ts). */
  idempotencyKey?: string | null;
};

type Change<C extends BulkMembershipChangeOptions["change"]> = BulkMembershipChangeOptions & { change: C };

/**
 * Add to / Remove from Project as a user asks for it, from a dialog or the API: once per
 * key, with the selection resolved inside the change's transaction, recorded with the
 * actor and reason.
 */
export function applyBulkMembershipChange(
  prisma: PrismaClient,
  options: Change<"add">,
): Promise<AddContactsToProjectResult>;
export function applyBulkMembershipChange(
  prisma: PrismaClient,
  options: Change<"remove">,
): Promise<RemoveContactsFromProjectResult>;
export async function applyBulkMembershipChange(
  prisma: PrismaClient,
  { companyId, projectId, change, selection, actor, reason, idempotencyKey }: BulkMembershipChangeOptions,
): Promise<AddContactsToProjectResult | RemoveContactsFromProjectResult> {
  if (change === "add" && "matching" in selection)
    throw new DomainError("invalid", "Choose the contacts to add one by one.");
  const { result } = await withIdempotency(
    prisma,
    { companyId, userId: actor.userId, key: idempotencyKey, request: [change, projectId, selection, reason ?? null] },
    async (db) => {
      const contactIds = await selectedContactIds(db, { companyId, projectId, selection });
      const by = changedBy(actor, reason);
      return change === "add"
        ? addContactsToProject(db, { companyId, projectId, contactIds, by })
        : removeContactsFromProject(db, { companyId, projectId, contactIds, by });
    },
  );
  return result;
}
