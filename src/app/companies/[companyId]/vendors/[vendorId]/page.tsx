import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { loadCompany } from "@/features/companies/queries";
import { VendorPageActions } from "@/features/vendors/components/vendor-page-actions";
import { getPrisma } from "@/server/db/client";
import { can } from "@/server/permissions/can";
import { getVendor } from "@/server/vendors/get-vendor";
import { listVendorHistory } from "@/server/vendors/list-vendor-history";
import { listVendorPeople, listVendorProjects } from "@/server/vendors/list-vendor-people";
import { parseRecordId } from "@/shared/record-id";
import { VENDOR_KIND_LABELS } from "@/shared/vendor-fields";
import { actionLabel } from "@/shared/history-events";

type Props = { params: Promise<{ companyId: string; vendorId: string }> };

const loadVendor = cache(async (companyId: string, vendorId: string) => {
  const company = await loadCompany(companyId);
  const id = parseRecordId(vendorId);
  if (!id || !can(company.actor, "view contacts")) notFound();
  const prisma = await getPrisma();
  const vendor = await getVendor(prisma, company.id, id);
  // An inactive or merged company is for Directory admins, as on its tab.
  if (!vendor || (vendor.status !== "ACTIVE" && !can(company.actor, "view inactive companies"))) notFound();
  return { company, vendor, prisma };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { companyId, vendorId } = await params;
  return { title: (await loadVendor(companyId, vendorId)).vendor.name };
}

const STATUS = {
  ACTIVE: ["Active", "bg-green-100 text-green-800"],
  INACTIVE: ["Inactive", "bg-slate-200 text-slate-700"],
  MERGED: ["Merged", "bg-amber-100 text-amber-900"],
} as const;

export default async function VendorPage({ params }: Props) {
  const { companyId, vendorId } = await params;
  const { company, vendor, prisma } = await loadVendor(companyId, vendorId);
  const admin = can(company.actor, "view inactive contacts");
  const [{ people, total }, { projects, total: projectTotal }, history] = await Promise.all([
    listVendorPeople(prisma, { companyId: company.id, vendorId: vendor.id, includeInactive: admin }),
    listVendorProjects(prisma, { companyId: company.id, vendorId: vendor.id }),
    listVendorHistory(prisma, company.id, vendor.id),
  ]);
  const [statusLabel, statusStyle] = STATUS[vendor.status];
  const fields: [string, React.ReactNode][] = [
    ["Kind", VENDOR_KIND_LABELS[vendor.kind]],
    ["Trade", vendor.trade],
    ["Phone", vendor.phone],
    ["Email", vendor.email],
    ["Website", vendor.website],
    ["Address", vendor.address],
    ["License number", vendor.licenseNumber],
    ["Notes", vendor.notes],
    ["Active contacts", vendor.contactCount.toLocaleString("en-US")],
  ];
  const tab = vendor.status === "ACTIVE" ? "companies" : "inactive-companies";
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-1 text-sm text-slate-500">
        <Link href={`/companies/${company.id}/directory/${tab}`} className="hover:underline">
          {vendor.status === "ACTIVE" ? "Companies" : "Inactive Companies"}
        </Link>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold break-words">{vendor.name}</h1>
          <p className="mt-1 text-sm">
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusStyle}`}>{statusLabel}</span>
          </p>
        </div>
        {vendor.status !== "MERGED" && can(company.actor, "edit companies") && (
          <VendorPageActions companyId={company.id} vendor={vendor} />
        )}
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="details" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="details" className="font-semibold">
            Details
          </h2>
          <dl className="mt-3 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
            {fields.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="break-words">{value || <span className="text-slate-600">—</span>}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="projects" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="projects" className="font-semibold">
            Projects
          </h2>
          {projects.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">None of its active people is on a project.</p>
          ) : (
            <ul className="mt-3 space-y-1 text-sm">
              {projects.map((p) => (
                <li key={p.id}>
                  <Link
                    href={`/companies/${company.id}/projects/${p.id}/directory/contacts`}
                    className="text-brand-700 underline"
                  >
                    {p.name}
                  </Link>{" "}
                  <span className="text-slate-600">
                    {p.people} {p.people === 1 ? "person" : "people"}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {projectTotal > projects.length && (
            <p className="mt-3 text-sm text-slate-600">
              {`On ${projectTotal.toLocaleString("en-US")} projects in all; these ${projects.length} have the most of its people.`}
            </p>
          )}
        </section>
        <section aria-labelledby="people" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="people" className="font-semibold">
            Contacts
          </h2>
          {people.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">Nobody works for this company in the directory.</p>
          ) : (
            <ul className="mt-3 space-y-1 text-sm">
              {people.map((p) => (
                <li key={p.id}>
                  <Link href={`/companies/${company.id}/contacts/${p.id}`} className="text-brand-700 underline">
                    {p.firstName} {p.lastName}
                  </Link>
                  {p.jobTitle && <span className="text-slate-600"> · {p.jobTitle}</span>}
                  {p.status !== "ACTIVE" && <span className="text-slate-600"> (inactive)</span>}
                </li>
              ))}
            </ul>
          )}
          {total > people.length && (
            <p className="mt-3 text-sm">
              <Link
                href={`/companies/${company.id}/directory/contacts?vendor=${vendor.id}`}
                className="text-brand-700 underline"
              >
                All {total.toLocaleString("en-US")} in the directory
              </Link>
            </p>
          )}
        </section>
        <section aria-labelledby="history" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="history" className="font-semibold">
            History
          </h2>
          <ol className="mt-3 space-y-2 text-sm">
            {(history ?? []).map((h) => (
              <li key={h.id}>
                <span className="font-medium">{actionLabel(h.action)}</span>{" "}
                <span className="text-slate-600">
                  by {h.actor.name}, {h.at.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
                </span>
                {"fields" in h.changes && h.changes.fields && Object.keys(h.changes.fields).length > 0 && (
                  <span className="block text-slate-600">
                    {Object.entries(h.changes.fields as Record<string, { from: unknown; to: unknown }>)
                      .map(([f, c]) => `${f}: ${String(c.from ?? "—")} → ${String(c.to ?? "—")}`)
                      .join("; ")}
                  </span>
                )}
                {h.action === "vendor.updated" && (
                  <span className="block text-slate-600">
                    {Object.entries(h.changes)
                      .map(([f, c]) => `${f}: ${String(c.from ?? "—")} → ${String(c.to ?? "—")}`)
                      .join("; ")}
                  </span>
                )}
                {h.reason && <span className="block text-slate-600">Reason: {h.reason}</span>}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
