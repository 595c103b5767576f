import "server-only";
import { Readable } from "node:stream";
import { csvStream } from "@/features/contacts/export-csv";
import { loadCompany } from "@/features/companies/queries";
import { attachmentDisposition } from "@/lib/content-disposition";
import { getPrisma } from "@/server/db/client";
import { can, REFUSAL } from "@/server/permissions/can";
import { listVendors } from "@/server/vendors/list-vendors";
import { MAX_BULK_VENDORS, VENDOR_KIND_LABELS } from "@/shared/vendor-fields";
import { vendorTabStatus, type VendorTab } from "@/shared/vendor-query";
import { parseVendorSearchParams } from "./validations";

/** GET handler for a Companies tab's `export`: the tab as CSV, with the URL's search, kind and sort. */
export async function exportCompaniesTab(
  request: Request,
  { params }: { params: Promise<{ companyId: string }> },
  tab: VendorTab,
) {
  const company = await loadCompany((await params).companyId);
  const needed = tab === "companies" ? "view contacts" : "view inactive companies";
  if (!can(company.actor, needed)) {
    return Response.json({ error: { code: "forbidden", message: REFUSAL[needed] } }, { status: 403 });
  }
  const { query } = parseVendorSearchParams(Object.fromEntries(new URL(request.url).searchParams));
  // A company has thousands of companies at most: one page of them all.
  const { rows } = await listVendors(await getPrisma(), {
    companyId: company.id,
    status: vendorTabStatus(tab),
    ...query,
    page: 1,
    perPage: MAX_BULK_VENDORS,
  });
  const columns = [
    "Name",
    "Kind",
    "Trade",
    "Contacts",
    "Projects",
    "Phone",
    "Email",
    "Website",
    "Address",
    "License number",
  ];
  async function* records() {
    for (const v of rows) {
      yield [
        v.name,
        VENDOR_KIND_LABELS[v.kind],
        v.trade ?? "",
        String(v.contactCount),
        String(v.projectCount),
        v.phone ?? "",
        v.email ?? "",
        v.website ?? "",
        v.address ?? "",
        v.licenseNumber ?? "",
      ];
    }
  }
  const csv = csvStream(records(), columns);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(`company-${tab}-${day}.csv`),
      "Cache-Control": "no-store",
    },
  });
}
