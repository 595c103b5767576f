"use server";

import { z } from "zod";
import { companyPages, serverAction } from "@/server/actions/server-action";
import { applyBulkStatusChange, type BulkStatusChangeSummary } from "@/server/contacts/apply-bulk-status-change";
import { countContactProjects } from "@/server/contacts/count-contact-projects";
import { listContacts } from "@/server/contacts/list-contacts";
import { MAX_BULK_CONTACTS } from "@/shared/directory-query";
import { bulkSelectionInputSchema } from "@/shared/bulk-selection";
import { can } from "@/server/permissions/can";
import { recordId } from "@/shared/record-id";

export type LifecycleSummary = {
  /** The change's record in the history, which Undo takes back; null when nothing changed. */
  batchId: string | null;
  changed: number;
  skipped: {
    id: string;
    reason: BulkStatusChangeSummary["skipped"][number]["reason"] | "not on project" | "already on project" | "inactive";
  }[];
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

/** For the Inactivate / Reactivate dialog: how many project directories the change touches. */
export const countProjectDirectoriesAction = serverAction({
  input: z.strictObject({
    companyId: recordId(),
    contactIds: z.array(recordId()).min(1).max(MAX_BULK_CONTACTS),
    status: z.enum(["ACTIVE", "INACTIVE"]),
  }),
  access: () => ({ permission: "change contact status" }),
  run: ({ db, input: { companyId, contactIds, status } }) =>
    countContactProjects(db, { companyId, contactIds, status }),
});

const pickerSearchSchema = z.strictObject({
  companyId: recordId(),
  /** The project the picker serves, whose access the user needs. */
  projectId: recordId().optional(),
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
  run: async ({ db, actor, input: { companyId, projectId, q } }): Promise<PickerContact[]> => {
    // Who may not add people to the project's directory picks only from those already on it (crews).
    const onlyOnProject = projectId !== undefined && !can(actor, "manage project members", { projectId });
    const { rows } = await listContacts(db, {
      companyId,
      ...(onlyOnProject ? { projectId } : {}),
      status: "ACTIVE",
      q,
      sort: "name.asc",
      page: 1,
      perPage: 25,
    });
    return rows.map((r) => ({
      id: r.id,
      name: `${r.firstName} ${r.lastName}`,
      detail: [r.jobTitle, r.vendor?.name].filter(Boolean).join(" · "),
    }));
  },
});
