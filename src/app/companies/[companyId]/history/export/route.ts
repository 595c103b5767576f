import { Readable } from "node:stream";
import { loadCompany } from "@/features/companies/queries";
import { historyCsv } from "@/features/history/history-csv";
import { parseHistorySearchParams } from "@/features/history/search-params";
import { attachmentDisposition } from "@/lib/content-disposition";
import { getPrisma } from "@/server/db/client";
import { can, REFUSAL } from "@/server/permissions/can";

/** The Change History, with the page's filters, as a CSV download. */
export async function GET(request: Request, { params }: { params: Promise<{ companyId: string }> }) {
  const company = await loadCompany((await params).companyId);
  if (!can(company.actor, "view history")) {
    return Response.json({ error: { code: "forbidden", message: REFUSAL["view history"] } }, { status: 403 });
  }
  const { filters } = parseHistorySearchParams(Object.fromEntries(new URL(request.url).searchParams));
  const csv = historyCsv(await getPrisma(), company.id, filters);
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(`change-history-${new Date().toISOString().slice(0, 10)}.csv`),
      "Cache-Control": "no-store",
    },
  });
}
