import { loadCompany } from "@/features/companies/queries";
import { templateCsv, templateXlsx } from "@/features/import/import-csv";

/** The import template, ?format=csv (default) or xlsx. */
export async function GET(request: Request, { params }: { params: Promise<{ companyId: string }> }) {
  await loadCompany((await params).companyId);
  const xlsx = new URL(request.url).searchParams.get("format") === "xlsx";
  return new Response(xlsx ? new Uint8Array(templateXlsx()) : templateCsv(), {
    headers: {
      "Content-Type": xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="rollcall-contacts-template.${xlsx ? "xlsx" : "csv"}"`,
      "Cache-Control": "no-store",
    },
  });
}
