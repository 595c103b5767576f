import { loadCompany } from "@/features/companies/queries";
import { errorsCsv } from "@/features/import/import-csv";
import { loadDraft, planDraft, readDraft } from "@/features/import/queries";
import { getPrisma } from "@/server/db/client";
import { getImportDraft } from "@/server/import/get-import-draft";
import { can, REFUSAL } from "@/server/permissions/can";

/** The rows of a draft that cannot be imported, with why, as CSV. */
export async function GET(_request: Request, { params }: { params: Promise<{ companyId: string; draftId: string }> }) {
  const { companyId, draftId } = await params;
  const company = await loadCompany(companyId);
  const draft = await getImportDraft(await getPrisma(), {
    companyId: company.id,
    userId: company.actor.userId,
    draftId: draftId.toLowerCase(),
  });
  if (!draft)
    return Response.json(
      { error: { code: "not_found", message: "That upload is gone; upload the file again." } },
      { status: 404 },
    );
  const projectId = draft.projectId ?? undefined;
  if (!can(company.actor, "import contacts", { projectId })) {
    return Response.json({ error: { code: "forbidden", message: REFUSAL["import contacts"] } }, { status: 403 });
  }
  const loaded = await loadDraft(company.actor, draft.id, projectId);
  const { sheet, columns } = readDraft(loaded);
  const outcome = await planDraft(company.id, loaded, sheet, columns);
  const name = `${draft.fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_")}-errors.csv`;
  return new Response(errorsCsv(sheet, outcome.rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
