import "server-only";
import { notFound } from "next/navigation";
import { getPrisma } from "@/server/db/client";
import { getImportDraft } from "@/server/import/get-import-draft";
import { importContacts, type ImportOutcome } from "@/server/import/import-contacts";
import { FileProblemError, readSpreadsheet, type Spreadsheet } from "@/server/import/read-spreadsheet";
import { resolveMapping } from "@/server/import/run-import";
import type { Actor } from "@/server/permissions/actor";
import { SKIP_COLUMN, guessMapping, type ColumnTarget, type PlannedRow } from "@/shared/import/fields";
import { draftSettingsSchema, type DraftSettings, type StepParams } from "./validations";

export const REVIEW_PAGE_SIZE = 50;

export type WizardColumn = { header: string; target: ColumnTarget; samples: string[] };
export type ReviewRow = PlannedRow & { cells: Record<string, string> };
export type WizardFile = Pick<Spreadsheet, "kind" | "encoding" | "delimiter" | "sheets" | "sheet"> & {
  rowCount: number;
};

export type WizardData = {
  draftId: string;
  fileName: string;
  settings: DraftSettings;
  /** What the file itself is wrong with: the user uploads another. */
  fileError: string | null;
  file: WizardFile | null;
  columns: WizardColumn[];
  /** Review: why the mapping cannot be used (sent back to Map columns). */
  mappingError: string | null;
  review: {
    counts: ImportOutcome["counts"];
    newVendors: string[];
    rows: ReviewRow[];
    matching: number;
    page: number;
    pageCount: number;
  } | null;
};

type Loaded = { draft: NonNullable<Awaited<ReturnType<typeof getImportDraft>>>; settings: DraftSettings };

/** The signed-in user's draft for this directory (company, or the project it was uploaded on), or the 404 page. */
export async function loadDraft(actor: Actor, draftId: string, projectId: string | undefined): Promise<Loaded> {
  const draft = await getImportDraft(await getPrisma(), { companyId: actor.companyId, userId: actor.userId, draftId });
  if (!draft || (draft.projectId ?? undefined) !== projectId) notFound();
  return { draft, settings: draftSettingsSchema.parse(draft.settings) };
}

/** The file read with the draft's choices, and each column's field (guessed until the user maps it). */
export function readDraft({ draft, settings }: Loaded): { sheet: Spreadsheet; columns: WizardColumn[] } {
  const sheet = readSpreadsheet(draft.content, draft.fileName, {
    delimiter: settings.delimiter,
    encoding: settings.encoding,
    sheet: settings.sheet,
  });
  const guessed = guessMapping(sheet.headers);
  const columns = sheet.headers.map((header, i) => ({
    header,
    target: settings.mapping ? (settings.mapping[header] ?? SKIP_COLUMN) : guessed[i]!,
    samples: sheet.rows
      .map((r) => r[i]!)
      .filter(Boolean)
      .slice(0, 3),
  }));
  return { sheet, columns };
}

/** The plan of a draft as it stands: every row, checked against the directory, nothing written. */
export async function planDraft(
  companyId: string,
  loaded: Loaded,
  sheet: Spreadsheet,
  columns: WizardColumn[],
): Promise<ImportOutcome> {
  const mapping = resolveMapping(sheet.headers, Object.fromEntries(columns.map((c) => [c.header, c.target])));
  const { settings, draft } = loaded;
  return importContacts(await getPrisma(), {
    companyId,
    fileName: draft.fileName,
    headers: sheet.headers,
    rows: sheet.rows,
    mapping,
    nameOrder: settings.nameOrder,
    onMatch: settings.onMatch,
    createVendors: settings.createVendors,
    projectId: draft.projectId ?? undefined,
    onDuplicate: settings.onDuplicate,
    duplicateRows: settings.duplicateRows,
    dryRun: true,
    skipInvalid: true,
  });
}

/** Everything a wizard step shows, from the draft in the URL. */
export async function loadImportWizard(
  actor: Actor,
  draftId: string,
  projectId: string | undefined,
  params: StepParams,
): Promise<WizardData> {
  const loaded = await loadDraft(actor, draftId, projectId);
  const base = { draftId, fileName: loaded.draft.fileName, settings: loaded.settings };
  let read: ReturnType<typeof readDraft>;
  try {
    read = readDraft(loaded);
  } catch (error) {
    if (error instanceof FileProblemError)
      return { ...base, fileError: error.message, file: null, columns: [], mappingError: null, review: null };
    throw error;
  }
  const { sheet, columns } = read;
  const file: WizardFile = {
    kind: sheet.kind,
    encoding: sheet.encoding,
    delimiter: sheet.delimiter,
    sheets: sheet.sheets,
    sheet: sheet.sheet,
    rowCount: sheet.rows.length,
  };
  const data: WizardData = { ...base, fileError: null, file, columns, mappingError: null, review: null };
  if (params.step !== "review") return data;
  let outcome: ImportOutcome;
  try {
    outcome = await planDraft(actor.companyId, loaded, sheet, columns);
  } catch (error) {
    if (error instanceof FileProblemError) return { ...data, mappingError: error.message };
    throw error;
  }
  const shown =
    params.show === "errors"
      ? outcome.rows.filter((r) => r.problems.length)
      : params.show === "duplicates"
        ? outcome.rows.filter((r) => r.probableDuplicate)
        : outcome.rows;
  const pageCount = Math.max(1, Math.ceil(shown.length / REVIEW_PAGE_SIZE));
  const page = Math.min(params.page, pageCount);
  const rows = shown.slice((page - 1) * REVIEW_PAGE_SIZE, page * REVIEW_PAGE_SIZE).map((r) => ({
    ...r,
    cells: Object.fromEntries(
      columns
        .filter((c) => c.target !== SKIP_COLUMN)
        .map((c) => [c.header, sheet.rows[r.row - 2]![sheet.headers.indexOf(c.header)]!]),
    ),
  }));
  return {
    ...data,
    review: { counts: outcome.counts, newVendors: outcome.newVendors, rows, matching: shown.length, page, pageCount },
  };
}
