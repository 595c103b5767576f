"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { authorize } from "@/server/auth/authorize";
import { getPrisma } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { createImportDraft } from "@/server/import/create-import-draft";
import { getImportDraft } from "@/server/import/get-import-draft";
import { InvalidRowsError } from "@/server/import/import-contacts";
import { readSpreadsheet } from "@/server/import/read-spreadsheet";
import { runImport } from "@/server/import/run-import";
import { updateImportDraft } from "@/server/import/update-import-draft";
import { IMPORT_LIMITS, guessMapping } from "@/shared/import/fields";
import { draftSettingsSchema, runImportInputSchema, saveSettingsInputSchema, type DraftSettings } from "./validations";

const uploadSchema = z.strictObject({
  companyId: z.uuid().transform((id) => id.toLowerCase()),
  projectId: z
    .uuid()
    .transform((id) => id.toLowerCase())
    .optional(),
  file: z.file({ error: "Choose a CSV or Excel file." }),
});

/** Upload: keeps the file as a draft, with the delimiter, sheet and mapping guessed; the wizard goes on to Map columns. */
export async function uploadImportFileAction(form: FormData): Promise<ActionResult<{ draftId: string }>> {
  const parsed = uploadSchema.safeParse({
    companyId: form.get("companyId"),
    projectId: form.get("projectId") || undefined,
    file: form.get("file"),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const { companyId, projectId, file } = parsed.data;
  const { actor, error } = await authorize(companyId, "import contacts", { projectId });
  if (error !== null) return { data: null, error };
  if (file.size > IMPORT_LIMITS.maxBytes) {
    return {
      data: null,
      error: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; an import takes at most ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB. Split the file.`,
    };
  }
  const content = new Uint8Array(await file.arrayBuffer());
  try {
    const sheet = readSpreadsheet(content, file.name);
    const guessed = guessMapping(sheet.headers);
    const settings: DraftSettings = draftSettingsSchema.parse({
      mapping: Object.fromEntries(sheet.headers.map((h, i) => [h, guessed[i]])),
      delimiter: sheet.delimiter,
      sheet: sheet.sheet,
    });
    const draftId = await createImportDraft(await getPrisma(), {
      companyId,
      userId: actor.userId,
      projectId,
      fileName: file.name,
      content,
      settings,
    });
    return { data: { draftId }, error: null };
  } catch (e) {
    if (e instanceof DomainError) return { data: null, error: e.message };
    throw e;
  }
}

/** Map columns and Review: keeps the user's choices with the draft. */
export async function saveImportSettingsAction(input: unknown): Promise<ActionResult<null>> {
  const parsed = saveSettingsInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { companyId, draftId, settings } = parsed.data;
  const { actor, error } = await authorize(companyId, null);
  if (error !== null) return { data: null, error };
  const saved = await updateImportDraft(await getPrisma(), { companyId, userId: actor.userId, draftId, settings });
  return saved
    ? { data: null, error: null }
    : { data: null, error: "That upload is gone (uploads are kept a day). Upload the file again." };
}

export type ImportSummary = {
  batchId: string | null;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  invalid: number;
};

/** Import: applies the draft as planned on Review, once per key. */
export async function runImportAction(input: unknown): Promise<ActionResult<ImportSummary>> {
  const parsed = runImportInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { companyId, draftId, skipInvalid, reason, idempotencyKey } = parsed.data;
  const member = await authorize(companyId, null);
  if (member.error !== null) return { data: null, error: member.error };
  const prisma = await getPrisma();
  const draft = await getImportDraft(prisma, { companyId, userId: member.actor.userId, draftId });
  if (!draft) return { data: null, error: "That upload is gone (uploads are kept a day). Upload the file again." };
  const projectId = draft.projectId ?? undefined;
  const { actor, error } = await authorize(companyId, "import contacts", { projectId });
  if (error !== null) return { data: null, error };
  const settings = draftSettingsSchema.parse(draft.settings);
  try {
    const { outcome } = await runImport(prisma, {
      companyId,
      actor,
      fileName: draft.fileName,
      bytes: draft.content,
      settings: { ...settings, projectId },
      dryRun: false,
      skipInvalid,
      reason,
      idempotencyKey,
    });
    revalidatePath(`/companies/${companyId}`, "layout");
    const c = outcome.counts;
    return {
      data: {
        batchId: outcome.batchId,
        created: c.create,
        updated: c.update,
        unchanged: c.unchanged,
        skipped: c.skip,
        invalid: c.invalid + c.duplicates,
      },
      error: null,
    };
  } catch (e) {
    if (e instanceof InvalidRowsError)
      return {
        data: null,
        error: `${e.message} Fix the file and upload it again, or choose to skip the rows with errors.`,
      };
    if (e instanceof DomainError) return { data: null, error: e.message };
    throw e;
  }
}
