"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordId } from "@/lib/record-id";
import type { ContactStatusChange } from "@/server/contacts/change-contact-status";
import { applyBulkStatusChange } from "@/server/contacts/apply-bulk-status-change";
import { listContacts } from "@/server/contacts/list-contacts";
import { authorize } from "@/server/auth/authorize";
import { getPrisma } from "@/server/db/client";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { DomainError } from "@/server/errors";
import { bulkSelectionInputSchema } from "./validations";

export type LifecycleSummary = {
  /** The change's record in the history, which Undo takes back; null when nothing changed. */
  batchId: string | null;
  changed: number;
  skipped: { id: string; reason: ContactStatusChange["skipped"][number]["reason"] | "not on project" | "already on project" | "inactive" }[];
  projectsAffected: number;
};

async function runLifecycleAction(input: unknown, to: "ACTIVE" | "INACTIVE"): Promise<ActionResult<LifecycleSummary>> {
  const parsed = bulkSelectionInputSchema.safeParse(input);
  if (!parsed.success) {
    return invalidInput(parsed.error);
  }
  const { companyId, contactIds, matching, reason, idempotencyKey } = parsed.data;
  const { actor, error } = await authorize(companyId, "change contact status");
  if (error !== null) return { data: null, error };
  let result: LifecycleSummary;
  try {
    const selection = contactIds ? { contactIds } : { matching: matching! };
    result = await applyBulkStatusChange(await getPrisma(), { companyId, to, selection, actor, reason, idempotencyKey });
  } catch (e) {
    if (e instanceof DomainError) return { data: null, error: e.message };
    throw e;
  }
  if (result.changed > 0) {
    // The company directory and every project directory of this company show the change.
    revalidatePath(`/companies/${companyId}`, "layout");
  }
  return { data: result, error: null };
}

export async function reactivateContactsAction(input: unknown) {
  return runLifecycleAction(input, "ACTIVE");
}

export async function inactivateContactsAction(input: unknown) {
  return runLifecycleAction(input, "INACTIVE");
}

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
export async function searchActiveContactsAction(input: unknown): Promise<ActionResult<PickerContact[]>> {
  const parsed = pickerSearchSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { error } = await authorize(parsed.data.companyId, "view contacts", { projectId: parsed.data.projectId });
  if (error !== null) return { data: null, error };
  const { rows } = await listContacts(await getPrisma(), {
    companyId: parsed.data.companyId,
    status: "ACTIVE",
    q: parsed.data.q,
    sort: "name.asc",
    page: 1,
    perPage: 25,
  });
  return {
    data: rows.map((r) => ({
      id: r.id,
      name: `${r.firstName} ${r.lastName}`,
      detail: [r.jobTitle, r.vendor?.name].filter(Boolean).join(" · "),
    })),
    error: null,
  };
}
