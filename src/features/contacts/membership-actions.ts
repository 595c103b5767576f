"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addContactsToProject } from "@/server/projects/add-contacts-to-project";
import { removeContactsFromProject } from "@/server/projects/remove-contacts-from-project";
import { authorize } from "@/server/auth/authorize";
import { getPrisma } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import type { LifecycleSummary } from "./actions";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import type { Db } from "@/server/db/transaction";
import { changedBy, type ChangedBy } from "@/server/history/changed-by";
import { withIdempotency } from "@/server/idempotency/with-idempotency";
import { selectedContactIds } from "@/server/contacts/select-matching-contacts";
import { tabStatus } from "@/shared/directory-query";
import { projectSelectionInputSchema } from "@/shared/bulk-selection";

async function runMembershipAction(
  input: unknown,
  name: string,
  change: (
    db: Db,
    input: Omit<z.output<typeof projectSelectionInputSchema>, "selection"> & { contactIds: string[]; by: ChangedBy },
  ) => Promise<{ batchId: string | null; changed: number; skipped: LifecycleSummary["skipped"] }>,
): Promise<ActionResult<LifecycleSummary>> {
  const parsed = projectSelectionInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { companyId, projectId, selection, reason, idempotencyKey } = parsed.data;
  if ("matching" in selection && name !== "remove") return { data: null, error: "Choose the contacts to add one by one." };
  const { actor, error } = await authorize(companyId, "manage project members", { projectId });
  if (error !== null) return { data: null, error };
  try {
    const { result } = await withIdempotency(
      await getPrisma(),
      { companyId, userId: actor.userId, key: idempotencyKey, request: [name, projectId, selection, reason] },
      async (db): Promise<LifecycleSummary> => {
        const status = "matching" in selection ? tabStatus(selection.matching.tab) : "ACTIVE";
        const ids = await selectedContactIds(db, { companyId, projectId, status, selection });
        const { batchId, changed, skipped } = await change(db, { ...parsed.data, contactIds: ids, by: changedBy(actor, reason) });
        return { batchId, changed, skipped, projectsAffected: changed > 0 ? 1 : 0 };
      },
    );
    if (result.changed > 0) revalidatePath(`/companies/${companyId}`, "layout");
    return { data: result, error: null };
  } catch (error) {
    if (error instanceof DomainError) return { data: null, error: error.message };
    throw error;
  }
}

/** Add Contacts to a project's directory: active contacts join, removed ones come back. */
export async function addContactsToProjectAction(input: unknown) {
  return runMembershipAction(input, "add", async (db, { companyId, projectId, contactIds, by }) => {
    const result = await addContactsToProject(db, { companyId, projectId, contactIds, by });
    return {
      batchId: result.batchId,
      changed: result.added.length + result.restored.length,
      skipped: result.skipped.map((s) => ({ id: s.id, reason: s.reason })),
    };
  });
}

/** Remove from Project: the rows stay (REMOVED) for history. */
export async function removeContactsFromProjectAction(input: unknown) {
  return runMembershipAction(input, "remove", async (db, { companyId, projectId, contactIds, by }) => {
    const result = await removeContactsFromProject(db, { companyId, projectId, contactIds, by });
    return { batchId: result.batchId, changed: result.removed.length, skipped: result.skipped };
  });
}
