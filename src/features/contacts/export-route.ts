import "server-only";
import { loadCompany, loadProject } from "@/features/companies/queries";
import { Readable } from "node:stream";
import { attachmentDisposition } from "@/lib/content-disposition";
import { getPrisma } from "@/server/db/client";
import { canListContacts, REFUSAL, viewPermission } from "@/server/permissions/can";
import { contactsCsv } from "./export-csv";
import { DIRECTORY_TABS, tabStatus, type DirectoryTab } from "@/shared/directory-query";
import { parseDirectorySearchParams } from "./validations";

type Params = { companyId: string; tab: string; projectId?: string };

/** GET handler for `<directory tab>/export`: the tab as CSV, with the URL's search and filters. */
export async function exportDirectoryTab(request: Request, { params }: { params: Promise<Params> }) {
  const { companyId, projectId, tab } = await params;
  if (!(DIRECTORY_TABS as readonly string[]).includes(tab)) {
    return Response.json({ error: { code: "not_found", message: "No such directory tab." } }, { status: 404 });
  }
  const company = await loadCompany(companyId);
  const project = projectId ? await loadProject(companyId, projectId) : null;
  const scope = { projectId: project?.id };
  const permission = viewPermission(tabStatus(tab as DirectoryTab));
  const { query } = parseDirectorySearchParams(Object.fromEntries(new URL(request.url).searchParams));
  if (!canListContacts(company.actor, tabStatus(tab as DirectoryTab), { ...scope, memberOf: query.project })) {
    return Response.json({ error: { code: "forbidden", message: REFUSAL[permission] } }, { status: 403 });
  }
  const day = new Date().toISOString().slice(0, 10);
  const name = `${project ? (project.number ?? "project") : "company"}-${tab}-${day}.csv`;
  const csv = contactsCsv(
    await getPrisma(),
    { companyId: company.id, projectId: project?.id },
    tab as DirectoryTab,
    query,
  );
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(name),
      "Cache-Control": "no-store",
    },
  });
}
