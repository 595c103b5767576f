import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { changedBy } from "@/server/history/changed-by";
import { withIdempotency } from "@/server/idempotency/with-idempotency";
import type { Actor } from "@/server/permissions/actor";
import {
  FIELD_LABELS,
  SKIP_COLUMN,
  guessMapping,
  type ColumnTarget,
  type Delimiter,
  type DuplicateRows,
  type OnDuplicate,
  type NameOrder,
  type OnMatch,
  type TextEncoding,
} from "@/shared/import/fields";
import { importContacts, type ImportOutcome } from "./import-contacts";
import { fileProblem, readSpreadsheet, type Spreadsheet } from "./read-spreadsheet";

/** What the user chose about a file: the wizard's steps and the API's form fields. */
export type ImportSettings = {
  /** Header → field; headers left out are not imported. None: guessed from the headers. */
  mapping?: Record<string, ColumnTarget>;
  delimiter?: Delimiter;
  encoding?: TextEncoding;
  sheet?: string;
  nameOrder: NameOrder;
  onMatch: OnMatch;
  createVendors: boolean;
  projectId?: string;
  onDuplicate?: OnDuplicate;
  duplicateRows?: DuplicateRows;
};

export type RunImportOptions = {
  companyId: string;
  actor: Pick<Actor, "userId" | "name">;
  fileName: string;
  bytes: Uint8Array;
  settings: ImportSettings;
  dryRun: boolean;
  skipInvalid: boolean;
  reason?: string | null;
  idempotencyKey?: string | null;
};

export type FileSummary = Pick<Spreadsheet, "kind" | "encoding" | "delimiter" | "sheets" | "sheet" | "headers"> & {
  rowCount: number;
  /** Each header's field, as used. */
  mapping: Record<string, ColumnTarget>;
};

export type RunImportResult = { file: FileSummary; outcome: ImportOutcome };

/** The header → field mapping as one target per column, checked: names mapped, no field twice, no unknown header. */
export function resolveMapping(headers: string[], mapping: Record<string, ColumnTarget> | undefined): ColumnTarget[] {
  let targets: ColumnTarget[];
  if (mapping) {
    const unknown = Object.keys(mapping).filter((h) => !headers.includes(h));
    if (unknown.length) {
      throw fileProblem(
        `The mapping names ${unknown.map((h) => `"${h}"`).join(", ")}, which the file's header row does not have. Its columns: ${headers.join(", ")}.`,
      );
    }
    targets = headers.map((h) => mapping[h] ?? SKIP_COLUMN);
  } else targets = guessMapping(headers);
  const twice = targets.filter((t, i) => t !== SKIP_COLUMN && targets.indexOf(t) !== i);
  if (twice.length) {
    const field = twice[0] as Exclude<ColumnTarget, typeof SKIP_COLUMN>;
    const columns = headers.filter((_, i) => targets[i] === field);
    throw fileProblem(
      `Two columns go to ${FIELD_LABELS[field]} (${columns.join(", ")}); choose one and set the other to Don't import.`,
    );
  }
  const names = targets.includes("fullName") || (targets.includes("firstName") && targets.includes("lastName"));
  if (!names) {
    throw fileProblem(
      `No name column is mapped: map one column to First name and one to Last name, or one to Full name. The file's columns: ${headers.join(", ")}.`,
    );
  }
  return targets;
}

/**
 * An import as a user or integration asks for it: reads the file, maps its columns
 * (guessed when no mapping is given) and plans or applies it, once per Idempotency-Key.
 * The answer of an applied import keeps only the rows a person must look at (skipped,
 * invalid, duplicate, probably someone already there); a dry run answers every row, for the Review step.
 */
export async function runImport(prisma: PrismaClient, options: RunImportOptions): Promise<RunImportResult> {
  const { companyId, actor, fileName, bytes, settings, dryRun, skipInvalid } = options;
  const sheet = readSpreadsheet(bytes, fileName, {
    delimiter: settings.delimiter,
    encoding: settings.encoding,
    sheet: settings.sheet,
  });
  const mapping = resolveMapping(sheet.headers, settings.mapping);
  const file: FileSummary = {
    kind: sheet.kind,
    ...(sheet.encoding && { encoding: sheet.encoding }),
    ...(sheet.delimiter && { delimiter: sheet.delimiter }),
    ...(sheet.sheets && { sheets: sheet.sheets, sheet: sheet.sheet }),
    headers: sheet.headers,
    rowCount: sheet.rows.length,
    mapping: Object.fromEntries(sheet.headers.map((h, i) => [h, mapping[i]!])),
  };
  const run = (db: Parameters<typeof importContacts>[0]) =>
    importContacts(db, {
      companyId,
      fileName,
      sheet: sheet.sheet,
      headers: sheet.headers,
      rows: sheet.rows,
      mapping,
      nameOrder: settings.nameOrder,
      onMatch: settings.onMatch,
      createVendors: settings.createVendors,
      projectId: settings.projectId,
      onDuplicate: settings.onDuplicate,
      duplicateRows: settings.duplicateRows,
      dryRun,
      skipInvalid,
      by: changedBy(actor, options.reason),
    }).then((outcome): ImportOutcome =>
      dryRun
        ? outcome
        : {
            ...outcome,
            rows: outcome.rows.filter(
              (r) =>
                r.probableDuplicate || (r.outcome !== "create" && r.outcome !== "update" && r.outcome !== "unchanged"),
            ),
          },
    );
  if (dryRun) return { file, outcome: await run(prisma) };
  const fingerprint = createHash("sha256").update(bytes).digest("hex");
  const { result } = await withIdempotency(
    prisma,
    {
      companyId,
      userId: actor.userId,
      key: options.idempotencyKey,
      request: ["import", fingerprint, fileName, settings, skipInvalid, options.reason ?? null],
    },
    run,
  );
  return { file, outcome: result };
}
