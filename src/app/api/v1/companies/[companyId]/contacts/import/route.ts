import { endpoints } from "@/server/api/endpoints";
import { ApiError } from "@/server/api/errors";
import { apiRoute } from "@/server/api/route";
import { InvalidRowsError, problemsOf } from "@/server/import/import-contacts";
import { FileProblemError } from "@/server/import/read-spreadsheet";
import { runImport } from "@/server/import/run-import";
import { can, REFUSAL } from "@/server/permissions/can";

export const POST = apiRoute(endpoints.importContacts, async ({ db, actor, params, body, idempotencyKey }) => {
  if (!can(actor, "import contacts", { projectId: body.projectId }))
    throw new ApiError("forbidden", REFUSAL["import contacts"]);
  try {
    const { file, outcome } = await runImport(db, {
      companyId: params.companyId,
      actor,
      fileName: body.file.name || "upload",
      bytes: new Uint8Array(await body.file.arrayBuffer()),
      settings: {
        mapping: body.mapping,
        delimiter: body.delimiter,
        encoding: body.encoding,
        sheet: body.sheet,
        nameOrder: body.nameOrder,
        onMatch: body.onMatch,
        createVendors: body.createCompanies,
        projectId: body.projectId,
        onDuplicate: body.onDuplicate,
        duplicateRows: body.duplicateRows,
      },
      dryRun: body.dryRun,
      skipInvalid: body.skipInvalid,
      reason: body.reason,
      idempotencyKey,
    });
    return {
      batchId: outcome.batchId,
      dryRun: outcome.dryRun,
      created: outcome.counts.create,
      updated: outcome.counts.update,
      unchanged: outcome.counts.unchanged,
      skipped: outcome.rows
        .filter((r) => r.outcome === "skip")
        .map((r) => ({ row: r.row, reason: r.reason ?? "skipped" })),
      invalid: problemsOf(outcome.rows),
      probableDuplicates: outcome.rows.flatMap((r) =>
        r.probableDuplicate
          ? [
              {
                row: r.row,
                choice: r.probableDuplicate.choice,
                of: r.probableDuplicate.of.map((o) => ({
                  ...(o.contact ? { contactId: o.contact.id } : { row: o.row }),
                  reasons: o.reasons,
                  text: o.text,
                })),
              },
            ]
          : [],
      ),
      newCompanies: outcome.newVendors,
      mapping: file.mapping,
    };
  } catch (error) {
    if (error instanceof InvalidRowsError || error instanceof FileProblemError) {
      throw new ApiError("validation_error", error.message, { rows: error.rows }, 422);
    }
    throw error;
  }
});
