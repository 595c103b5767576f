"use server";

import { z } from "zod";
import { companyPages, serverAction } from "@/server/actions/server-action";
import { applyBulkStatusChange, type BulkStatusChangeSummary } from "@/server/contacts/apply-bulk-status-change";
import { listContacts } from "@/server/contacts/list-contacts";
import { bulkSelectionInputSchema } from "@/shared/bulk-selection";

export type LifecycleSummary = {
  /** The change's record in the history, which Undo takes back; null when nothing changed. */
  batchId: string | null;
  changed: number;
  skipped: { id: string; reason: BulkStatusChangeSummary["skipped"][number]["reason"] | "not on project" | "already on project" | "inactive" }[];
  projectsAffected: number;
};

function lifecycleAction(to: "ACTIVE" | "INACTIVE") {
  return serverAction({
    input: bulkSelectionInputSchema,
    access: () => ({ permission: "change contact status" }),
    run: ({ db, actor, input: { companyId, selection, reason, idempotencyKey } }): Promise<LifecycleSummary> =>
      applyBulkStatusChange(db, { companyId, to, selection, actor, reason, idempotencyKey }),
    // The company directory and every project directory of this company show the change.
    revalidate: (result, { companyId }) => (result.changed > 0 ? companyPages(companyId) : null),
  });
}

export const reactivateContactsAction = lifecycleAction("ACTIVE");

export const inactivateContactsAction = lifecycleAction("INACTIVE");

const pickerSearchSchema = z.strictObject({
  companyId: z.uuid(),
  /** The project the picker serves, whose access the user needs. */
  projectId: z.uuid().optional(),
  q: z.string().trim().max(200).default(""),
});

export type PickerContact = { id: string; name: string; detail: string };

/**
 * The people a picker offers: active contacts only, so nobody can assign work to or log
 * hours against an inactive person.
 */
export const searchActiveContactsAction = serverAction({
  input: pickerSearchSchema,
  access: ({ projectId }) => ({ permission: "view contacts", projectId }),
  run: async ({ db, input }): Promise<PickerContact[]> => {
    const { rows } = await listContacts(db, { companyId: input.companyId, status: "ACTIVE", q: input.q, sort: "name.asc", page: 1, perPage: 25 });
    return rows.map((r) => ({
      id: r.id,
      name: `${r.firstName} ${r.lastName}`,
      detail: [r.jobTitle, r.vendor?.name].filter(Boolean).join(" · "),
    }));
  },
});
