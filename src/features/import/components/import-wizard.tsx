"use client";

import { TableScroll } from "@/components/ui/table-scroll";
import { Download, FileUp, Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type DragEvent } from "react";
import { undoBatchAction } from "@/features/history/actions";
import { undoableToast } from "@/features/history/components/undoable-toast";
import { toast } from "@/lib/toast";
import {
  DELIMITERS,
  FIELD_LABELS,
  IMPORT_FIELDS,
  IMPORT_LIMITS,
  NAME_ORDERS,
  SKIP_COLUMN,
  TEXT_ENCODINGS,
  type ColumnTarget,
  type Delimiter,
  type NameOrder,
  type OnDuplicate,
  type PlannedRow,
  type TextEncoding,
} from "@/shared/import/fields";
import { runImportAction, saveImportSettingsAction, uploadImportFileAction } from "../actions";
import type { WizardData } from "../queries";
import type { DraftSettings, StepParams } from "../validations";

const button =
  "inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-50";
const primary =
  "inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50";
const STEP_LABELS = ["Upload", "Map columns", "Review", "Import"] as const;
const NAME_ORDER_LABELS: Record<NameOrder, string> = {
  "first-last": "First name first (Mary Ann Smith)",
  "last-first": "Last name first (Smith Mary Ann)",
};

type Props = {
  companyId: string;
  projectId?: string;
  /** The directory the import belongs to: `/companies/:id/directory` or a project's. */
  directoryPath: string;
  params: StepParams;
  data: WizardData | null;
  result?: { created: number; updated: number; undone: boolean } | null;
};

/** The import wizard: each step is the URL's (draft id and step), so a reload shows the same step. */
export function ImportWizard({ companyId, projectId, directoryPath, params, data, result }: Props) {
  const current = !data ? 0 : params.step === "map" ? 1 : params.step === "review" ? 2 : 3;
  return (
    <div className="space-y-6">
      <ol aria-label="Import steps" className="flex flex-wrap gap-2 text-sm">
        {STEP_LABELS.map((label, i) => (
          <li
            key={label}
            aria-current={i === current ? "step" : undefined}
            className={`rounded-full px-3 py-1 ${i === current ? "bg-blue-700 text-white" : i < current ? "bg-blue-50 text-blue-900" : "bg-slate-100 text-slate-600"}`}
          >
            {i + 1}. {label}
          </li>
        ))}
      </ol>
      {!data ? (
        <UploadStep companyId={companyId} projectId={projectId} directoryPath={directoryPath} />
      ) : data.fileError ? (
        <FileErrorStep message={data.fileError} directoryPath={directoryPath} />
      ) : params.step === "map" ? (
        <MapStep companyId={companyId} directoryPath={directoryPath} data={data} />
      ) : params.step === "review" ? (
        <ReviewStep companyId={companyId} directoryPath={directoryPath} data={data} params={params} />
      ) : (
        <DoneStep companyId={companyId} directoryPath={directoryPath} batchId={params.batch} result={result ?? null} />
      )}
    </div>
  );
}

function UploadStep({
  companyId,
  projectId,
  directoryPath,
}: {
  companyId: string;
  projectId?: string;
  directoryPath: string;
}) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [pending, startTransition] = useTransition();
  const inputId = useId();
  const choose = (f: File | undefined) => {
    setError(
      f && f.size > IMPORT_LIMITS.maxBytes
        ? `${f.name} is ${(f.size / 1024 / 1024).toFixed(1)} MB; an import takes at most 20 MB. Split the file.`
        : null,
    );
    setFile(f ?? null);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files[0]);
  };
  const upload = () => {
    if (!file) return setError("Choose a CSV or Excel file first.");
    const form = new FormData();
    form.set("companyId", companyId);
    if (projectId) form.set("projectId", projectId);
    form.set("file", file);
    startTransition(async () => {
      const r = await uploadImportFileAction(form);
      if (r.error !== null) return setError(r.error);
      router.push(`${directoryPath}/import/${r.data.draftId}?step=map`);
    });
  };
  return (
    <section aria-labelledby="upload-heading" className="space-y-4">
      <h3 id="upload-heading" className="text-lg font-semibold">
        Upload
      </h3>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-lg border-2 border-dashed p-8 text-center ${dragging ? "border-blue-600 bg-blue-50" : "border-slate-300 bg-white"}`}
      >
        <FileUp aria-hidden className="mx-auto mb-2 size-8 text-slate-500" />
        <p className="mb-3 text-sm text-slate-700">Drop a CSV or Excel file here, or choose one.</p>
        <label htmlFor={inputId} className="block text-sm font-medium">
          Spreadsheet file
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => choose(e.target.files?.[0])}
          className="mx-auto mt-1 block min-h-11 text-sm"
        />
        {file && (
          <p className="mt-2 text-sm text-slate-700">
            {file.name} ({(file.size / 1024).toFixed(0)} KB)
          </p>
        )}
        <p className="mt-3 text-xs text-slate-600">
          CSV (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab) or .xlsx. At most 20 MB and 50,000 rows; row 1
          holds the column names.
        </p>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <a href={directoryPath} className={button}>
          Cancel
        </a>
        <button type="button" className={primary} onClick={upload} disabled={pending}>
          {pending && <Loader2 aria-hidden className="size-4 animate-spin" />}
          Upload
        </button>
        <a href={`/companies/${companyId}/directory/import/template?format=csv`} download className={button}>
          <Download aria-hidden className="size-4" />
          Download template (CSV)
        </a>
        <a href={`/companies/${companyId}/directory/import/template?format=xlsx`} download className={button}>
          <Download aria-hidden className="size-4" />
          Download template (XLSX)
        </a>
      </div>
    </section>
  );
}

function FileErrorStep({ message, directoryPath }: { message: string; directoryPath: string }) {
  return (
    <section aria-labelledby="file-error-heading" className="space-y-4">
      <h3 id="file-error-heading" className="text-lg font-semibold">
        This file cannot be imported
      </h3>
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
        {message}
      </p>
      <a href={`${directoryPath}/import`} className={primary}>
        Upload another file
      </a>
    </section>
  );
}

function useSaveSettings(companyId: string, draftId: string) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const save = (settings: DraftSettings, then: string | null) =>
    startTransition(async () => {
      const r = await saveImportSettingsAction({ companyId, draftId, settings });
      if (r.error !== null) {
        toast.error(r.error);
        return;
      }
      if (then) router.push(then);
      else router.refresh();
    });
  return { save, pending };
}

function MapStep({ companyId, directoryPath, data }: { companyId: string; directoryPath: string; data: WizardData }) {
  const [targets, setTargets] = useState<ColumnTarget[]>(data.columns.map((c) => c.target));
  const [nameOrder, setNameOrder] = useState<NameOrder>(data.settings.nameOrder);
  const [error, setError] = useState<string | null>(null);
  const { save, pending } = useSaveSettings(companyId, data.draftId);
  const file = data.file!;
  const here = `${directoryPath}/import/${data.draftId}`;
  const mapping = () => Object.fromEntries(data.columns.map((c, i) => [c.header, targets[i]!]));
  const next = () => {
    const has = (t: ColumnTarget) => targets.includes(t);
    if (!has("fullName") && !(has("firstName") && has("lastName")))
      return setError("Map one column to First name and one to Last name, or one to Full name.");
    const twice = targets.find((t, i) => t !== SKIP_COLUMN && targets.indexOf(t) !== i);
    if (twice)
      return setError(
        `Two columns go to ${FIELD_LABELS[twice as keyof typeof FIELD_LABELS]}; set one of them to Don't import.`,
      );
    setError(null);
    save({ ...data.settings, mapping: mapping(), nameOrder }, `${here}?step=review`);
  };
  return (
    <section aria-labelledby="map-heading" className="space-y-4">
      <h3 id="map-heading" className="text-lg font-semibold">
        Map columns
      </h3>
      <p className="text-sm text-slate-700">
        {data.fileName}: {file.rowCount.toLocaleString("en-US")} {file.rowCount === 1 ? "row" : "rows"}
        {file.encoding && `, read as ${TEXT_ENCODINGS[file.encoding]}`}
      </p>
      <div className="flex flex-wrap gap-4">
        {/* Each of these changes the columns the file has: their fields are guessed afresh. */}
        {file.kind === "csv" && file.encoding && (
          <FileSetting
            label="Encoding"
            value={file.encoding}
            options={Object.entries(TEXT_ENCODINGS)}
            disabled={pending}
            onChange={(v) => save({ ...data.settings, encoding: v as TextEncoding, mapping: undefined }, null)}
          />
        )}
        {file.kind === "csv" && file.delimiter && (
          <FileSetting
            label="Delimiter"
            value={file.delimiter}
            options={Object.entries(DELIMITERS)}
            disabled={pending}
            onChange={(v) => save({ ...data.settings, delimiter: v as Delimiter, mapping: undefined }, null)}
          />
        )}
        {file.sheets && file.sheets.length > 1 && file.sheet && (
          <FileSetting
            label="Sheet"
            value={file.sheet}
            options={file.sheets.map((sheet) => [sheet, sheet])}
            disabled={pending}
            onChange={(v) => save({ ...data.settings, sheet: v, mapping: undefined }, null)}
          />
        )}
      </div>
      <TableScroll label="Column mapping table">
        <table className="w-full text-sm">
          <caption className="sr-only">Each column of the file and the contact field it goes to</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">
                Column
              </th>
              <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                Sample values
              </th>
              <th scope="col" className="px-3 py-2">
                Goes to
              </th>
            </tr>
          </thead>
          <tbody>
            {data.columns.map((c, i) => (
              <tr key={c.header} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {c.header}
                  {/* On a phone the samples go under the column's name, so the field stays in view. */}
                  <span className="block max-w-28 truncate text-xs font-normal text-slate-600 sm:hidden">
                    {c.samples.join(" · ")}
                  </span>
                </th>
                <td className="hidden max-w-xs truncate px-3 py-2 text-slate-600 sm:table-cell">
                  {c.samples.join(" · ") || "—"}
                </td>
                <td className="px-3 py-2">
                  <select
                    aria-label={`Field for column ${c.header}`}
                    className="w-32 rounded-md border border-slate-300 px-2 py-1 sm:w-auto"
                    value={targets[i]}
                    onChange={(e) =>
                      setTargets(targets.map((t, j) => (j === i ? (e.target.value as ColumnTarget) : t)))
                    }
                  >
                    <option value={SKIP_COLUMN}>Don&apos;t import</option>
                    {IMPORT_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {FIELD_LABELS[f]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {targets.includes("fullName") && (
        <fieldset className="text-sm">
          <legend className="font-medium">Full name reads as</legend>
          {NAME_ORDERS.map((o) => (
            <label key={o} className="mr-4 inline-flex items-center gap-1.5">
              <input type="radio" name="name-order" checked={nameOrder === o} onChange={() => setNameOrder(o)} />
              {NAME_ORDER_LABELS[o]}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-3">
        <a href={`${directoryPath}/import`} className={button}>
          Upload another file
        </a>
        <button type="button" className={primary} onClick={next} disabled={pending}>
          {pending && <Loader2 aria-hidden className="size-4 animate-spin" />}
          Continue to Review
        </button>
      </div>
    </section>
  );
}

const OUTCOME_LABELS = {
  create: "New",
  update: "Update",
  unchanged: "Unchanged",
  skip: "Skipped",
  invalid: "Error",
  duplicate: "Duplicate",
} as const;

function ReviewStep({
  companyId,
  directoryPath,
  data,
  params,
}: {
  companyId: string;
  directoryPath: string;
  data: WizardData;
  params: StepParams;
}) {
  const router = useRouter();
  const { save, pending } = useSaveSettings(companyId, data.draftId);
  const [reason, setReason] = useState("");
  const [importing, startImport] = useTransition();
  const [key] = useState(() => crypto.randomUUID());
  const here = `${directoryPath}/import/${data.draftId}`;
  if (data.mappingError || !data.review) {
    return (
      <section aria-labelledby="review-heading" className="space-y-4">
        <h3 id="review-heading" className="text-lg font-semibold">
          Review
        </h3>
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          {data.mappingError}
        </p>
        <a href={`${here}?step=map`} className={primary}>
          Back to Map columns
        </a>
      </section>
    );
  }
  const { counts, newVendors, rows, matching, page, pageCount } = data.review;
  const withErrors = counts.invalid + counts.duplicates;
  const toImport = counts.create + counts.update;
  const link = (patch: Partial<StepParams>) => {
    const p = { ...params, ...patch };
    return `${here}?step=review${p.show !== "all" ? `&show=${p.show}` : ""}${p.page > 1 ? `&page=${p.page}` : ""}`;
  };
  const runImport = () =>
    startImport(async () => {
      const r = await runImportAction({
        companyId,
        draftId: data.draftId,
        skipInvalid: withErrors > 0,
        reason: reason || undefined,
        idempotencyKey: key,
      });
      if (r.error !== null) {
        toast.error(r.error);
        return;
      }
      const d = r.data;
      undoableToast(
        `Imported: ${d.created.toLocaleString("en-US")} created, ${d.updated.toLocaleString("en-US")} updated`,
        {
          companyId,
          batchId: d.batchId,
          description: d.invalid
            ? `${d.invalid.toLocaleString("en-US")} ${d.invalid === 1 ? "row" : "rows"} with errors ${d.invalid === 1 ? "was" : "were"} left out.`
            : undefined,
        },
      );
      router.push(`${here}?step=done${d.batchId ? `&batch=${d.batchId}` : ""}`);
    });
  return (
    <section aria-labelledby="review-heading" className="space-y-4">
      <h3 id="review-heading" className="text-lg font-semibold">
        Review
      </h3>
      <dl aria-label="What the import will do" className="grid grid-cols-2 gap-3 sm:grid-cols-6">
        {(
          [
            ["to create", counts.create],
            ["to update", counts.update],
            ["unchanged", counts.unchanged + counts.skip],
            ["with errors", counts.invalid],
            ["duplicates inside the file", counts.duplicates],
            ["probably already there", counts.probableDuplicates],
          ] as const
        ).map(([label, n]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-xl font-semibold">{n.toLocaleString("en-US")}</dd>
          </div>
        ))}
      </dl>
      <fieldset className="text-sm" disabled={pending}>
        <legend className="font-medium">Rows that match an existing contact (by Employee ID, else email)</legend>
        <label className="mr-4 inline-flex items-center gap-1.5">
          <input
            type="radio"
            name="on-match"
            checked={data.settings.onMatch === "update"}
            onChange={() => save({ ...data.settings, onMatch: "update" }, null)}
          />
          Update matched contacts
        </label>
        <label className="inline-flex items-center gap-1.5">
          <input
            type="radio"
            name="on-match"
            checked={data.settings.onMatch === "skip"}
            onChange={() => save({ ...data.settings, onMatch: "skip" }, null)}
          />
          Skip matched contacts
        </label>
      </fieldset>
      {counts.probableDuplicates > 0 && (
        <fieldset className="text-sm" disabled={pending}>
          <legend className="font-medium">
            New rows that are probably someone already in the directory, or an earlier row (same Employee ID, email,
            phone or name)
          </legend>
          <label className="mr-4 inline-flex items-center gap-1.5">
            <input
              type="radio"
              name="on-duplicate"
              checked={data.settings.onDuplicate === "import" && !Object.keys(data.settings.duplicateRows).length}
              onChange={() => save({ ...data.settings, onDuplicate: "import", duplicateRows: {} }, null)}
            />
            Import all of them anyway
          </label>
          <label className="inline-flex items-center gap-1.5">
            <input
              type="radio"
              name="on-duplicate"
              checked={data.settings.onDuplicate === "skip" && !Object.keys(data.settings.duplicateRows).length}
              onChange={() => save({ ...data.settings, onDuplicate: "skip", duplicateRows: {} }, null)}
            />
            Skip all of them
          </label>
        </fieldset>
      )}
      {(newVendors.length > 0 || !data.settings.createVendors) && (
        <div className="rounded-md border border-slate-200 bg-white p-3 text-sm">
          {newVendors.length > 0 && <p className="mb-2">Companies not in the directory yet: {newVendors.join(", ")}</p>}
          <label className="inline-flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={data.settings.createVendors}
              disabled={pending}
              onChange={(e) => save({ ...data.settings, createVendors: e.target.checked }, null)}
            />
            Create new companies on import
          </label>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <a
          href={link({ show: "all", page: 1 })}
          aria-current={params.show === "all" ? "page" : undefined}
          className={params.show === "all" ? "font-semibold underline" : "underline"}
        >
          All rows
        </a>
        <a
          href={link({ show: "errors", page: 1 })}
          aria-current={params.show === "errors" ? "page" : undefined}
          className={params.show === "errors" ? "font-semibold underline" : "underline"}
        >
          Errors only
        </a>
        {counts.probableDuplicates > 0 && (
          <a
            href={link({ show: "duplicates", page: 1 })}
            aria-current={params.show === "duplicates" ? "page" : undefined}
            className={params.show === "duplicates" ? "font-semibold underline" : "underline"}
          >
            Probable duplicates only
          </a>
        )}
        {withErrors > 0 && (
          <a href={`/companies/${companyId}/directory/import/${data.draftId}/errors`} download className={button}>
            <Download aria-hidden className="size-4" /> Download errors (CSV)
          </a>
        )}
      </div>
      <TableScroll label="Import rows table">
        <table className="w-full text-sm">
          <caption className="sr-only">The rows of the file and what the import does with each</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">
                Row
              </th>
              <th scope="col" className="px-3 py-2">
                Result
              </th>
              {Object.keys(rows[0]?.cells ?? {}).map((h) => (
                <th key={h} scope="col" className="px-3 py-2">
                  {h}
                </th>
              ))}
              <th scope="col" className="px-3 py-2">
                Details
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2 tabular-nums">{r.row}</td>
                <td className="px-3 py-2">
                  {OUTCOME_LABELS[r.outcome]}
                  {r.probableDuplicate && (
                    <div className="mt-1 text-xs font-medium whitespace-nowrap text-amber-900">Probable duplicate</div>
                  )}
                </td>
                {Object.entries(r.cells).map(([h, v]) => {
                  const problem = r.problems.find((p) => p.column === h);
                  return (
                    <td
                      key={h}
                      className={`max-w-48 truncate px-3 py-2 ${problem ? "bg-red-50 text-red-900 ring-1 ring-red-300 ring-inset" : ""}`}
                      aria-invalid={problem ? true : undefined}
                      title={problem?.message}
                    >
                      {v || "—"}
                    </td>
                  );
                })}
                <td className="px-3 py-2 text-slate-700">
                  {r.problems.map((p) => (
                    <div key={p.column + p.message} className="text-red-800">
                      {p.column}: {p.message}
                    </div>
                  ))}
                  {r.changes &&
                    Object.entries(r.changes).map(([f, c]) => (
                      <div key={f}>
                        {FIELD_LABELS[f as keyof typeof FIELD_LABELS] ?? f}: {String(c.from ?? "—")} →{" "}
                        {String(c.to ?? "—")}
                      </div>
                    ))}
                  {r.match && r.match.status === "INACTIVE" && r.outcome === "update" && (
                    <div>{r.match.name} stays inactive</div>
                  )}
                  {r.joins && <div>Joins {r.joins.join(", ")}</div>}
                  {r.outcome === "skip" && r.reason && <div>Skipped: {r.reason}</div>}
                  {r.probableDuplicate && (
                    <ProbableDuplicate
                      companyId={companyId}
                      row={r.row}
                      duplicate={r.probableDuplicate}
                      disabled={pending}
                      onChoose={(choice) =>
                        save(
                          {
                            ...data.settings,
                            duplicateRows: { ...data.settings.duplicateRows, [String(r.row)]: choice },
                          },
                          null,
                        )
                      }
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-4 text-sm text-slate-600">No rows to show.</p>}
      </TableScroll>
      {pageCount > 1 && (
        <nav aria-label="Review pages" className="flex items-center gap-3 text-sm">
          {page > 1 && (
            <a href={link({ page: page - 1 })} className="underline">
              Previous page
            </a>
          )}
          <span>
            Page {page} of {pageCount} ({matching.toLocaleString("en-US")} rows)
          </span>
          {page < pageCount && (
            <a href={link({ page: page + 1 })} className="underline">
              Next page
            </a>
          )}
        </nav>
      )}
      <label className="block max-w-xl text-sm">
        <span className="font-medium">Reason (optional)</span>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1"
        />
      </label>
      {importing && (
        <div role="status" className="flex items-center gap-2 text-sm">
          <Loader2 aria-hidden className="size-4 animate-spin" /> Importing {toImport.toLocaleString("en-US")} rows…
          this can take a minute for a large file.
        </div>
      )}
      <div className="flex gap-3">
        <a href={`${here}?step=map`} className={button}>
          Back to Map columns
        </a>
        <button type="button" className={primary} onClick={runImport} disabled={importing || pending || toImport === 0}>
          {withErrors > 0
            ? `Import ${toImport.toLocaleString("en-US")} valid ${toImport === 1 ? "row" : "rows"}, skip ${withErrors.toLocaleString("en-US")}`
            : `Import ${toImport.toLocaleString("en-US")} ${toImport === 1 ? "row" : "rows"}`}
        </button>
      </div>
    </section>
  );
}

/** Whom a new row is probably, linked, with the reasons in words, and the row's choice. */
function ProbableDuplicate({
  companyId,
  row,
  duplicate,
  disabled,
  onChoose,
}: {
  companyId: string;
  row: number;
  duplicate: NonNullable<PlannedRow["probableDuplicate"]>;
  disabled: boolean;
  onChoose: (choice: OnDuplicate) => void;
}) {
  return (
    <div className="mt-1 space-y-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-950">
      <ul>
        {duplicate.of.map((o) => (
          <li key={o.contact ? o.contact.id : `row-${o.row}`}>
            Probably{" "}
            {o.contact ? (
              <a href={`/companies/${companyId}/contacts/${o.contact.id}`} className="font-medium underline">
                {o.contact.name}
              </a>
            ) : (
              <span className="font-medium">row {o.row}</span>
            )}
            {o.contact?.status === "INACTIVE" && " (inactive)"}: {o.text}
          </li>
        ))}
      </ul>
      <select
        aria-label={`Row ${row}: probable duplicate`}
        value={duplicate.choice}
        disabled={disabled}
        onChange={(e) => onChoose(e.target.value as OnDuplicate)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        <option value="import">Import anyway</option>
        <option value="skip">Skip this row</option>
      </select>
    </div>
  );
}

function DoneStep({
  companyId,
  directoryPath,
  batchId,
  result,
}: {
  companyId: string;
  directoryPath: string;
  batchId?: string;
  result: { created: number; updated: number; undone: boolean } | null;
}) {
  const [undoing, startUndo] = useTransition();
  const router = useRouter();
  const undo = () =>
    startUndo(async () => {
      const r = await undoBatchAction({ companyId, batchId, idempotencyKey: `undo:${batchId}` });
      if (r.error !== null) {
        toast.error(r.error);
        return;
      }
      toast.success("Undone: the import is taken back");
      router.refresh();
    });
  return (
    <section aria-labelledby="done-heading" className="space-y-4">
      <h3 id="done-heading" className="text-lg font-semibold">
        Import
      </h3>
      {result ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 p-4 text-sm text-green-900">
          {result.undone ? "This import was undone. " : ""}Imported: {result.created.toLocaleString("en-US")} created,{" "}
          {result.updated.toLocaleString("en-US")} updated.
        </p>
      ) : (
        <p role="status" className="text-sm">
          Nothing was changed: every row was unchanged or skipped.
        </p>
      )}
      <div className="flex gap-3">
        {result && !result.undone && batchId && (
          <button type="button" className={button} onClick={undo} disabled={undoing}>
            Undo import
          </button>
        )}
        <a href={`${directoryPath}/contacts`} className={primary}>
          Open the directory
        </a>
      </div>
    </section>
  );
}

/** One way of reading the file (encoding, delimiter, sheet): a labelled select of value → label. */
function FileSetting({
  label,
  value,
  options,
  disabled,
  onChange,
}: {
  label: string;
  value: string;
  options: [string, string][];
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <label className="text-sm">
      <span className="mr-2 font-medium">{label}</span>
      <select
        className="rounded-md border border-slate-300 px-2 py-1"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
