"use server";

import type { z } from "zod";
import { companyPages, serverAction, type ActionContext } from "@/server/actions/server-action";
import { applyBulkMembershipChange } from "@/server/projects/apply-bulk-membership-change";
import { projectSelectionInputSchema } from "@/shared/bulk-selection";
import type { LifecycleSummary } from "./actions";

type MembershipChange = (
  context: ActionContext<z.output<typeof projectSelectionInputSchema>>,
) => Promise<LifecycleSummary>;

const membershipAction = (run: MembershipChange) =>
  serverAction({
    input: projectSelectionInputSchema,
    access: ({ projectId }) => ({ permission: "manage project members", projectId }),
    run,
    revalidate: (result, { companyId }) => (result.changed > 0 ? companyPages(companyId) : null),
  });

/** Add Contacts to a project's directory: active contacts join, removed ones come back. */
export const addContactsToProjectAction = membershipAction(async ({ db, actor, input }) => {
  const result = await applyBulkMembershipChange(db, { ...input, change: "add", actor });
  const changed = result.added.length + result.restored.length;
  return { batchId: result.batchId, changed, skipped: result.skipped, projectsAffected: changed > 0 ? 1 : 0 };
});

/** Remove from Project: the rows stay (REMOVED) for history. */
export const removeContactsFromProjectAction = membershipAction(async ({ db, actor, input }) => {
  const result = await applyBulkMembershipChange(db, { ...input, change: "remove", actor });
  const changed = result.removed.length;
  return { batchId: result.batchId, changed, skipped: result.skipped, projectsAffected: changed > 0 ? 1 : 0 };
});
