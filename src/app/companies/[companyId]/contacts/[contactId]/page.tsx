import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { parseRecordId } from "@/shared/record-id";
import { loadCompany } from "@/features/companies/queries";
import { ORIGIN_LABELS } from "@/features/contacts/origins";
import { ContactActions } from "@/features/contacts/components/contact-actions";
import { InviteContactButton } from "@/features/users/components/invite-contact-button";
import { contactVisibility, getContact } from "@/server/contacts/get-contact";
import { getPrisma } from "@/server/db/client";
import { HistoryEntry } from "@/features/history/components/history-entry";
import { listContactHistory } from "@/server/history/list-history";
import { projectNames } from "@/server/projects/project-names";
import { summarizeProjects, type ContactListRow } from "@/server/contacts/list-contacts";
import { can, missingToSeeContact, REFUSAL } from "@/server/permissions/can";
import { getContactInvitation } from "@/server/users/get-contact-invitation";
import { whyNotInvitable } from "@/server/users/invite-contact";
import { companyLabel } from "@/shared/vendor-query";

type Props = { params: Promise<{ companyId: string; contactId: string }> };

// Metadata and page share one read per request.
const loadContact = cache(async (companyId: string, contactId: string) => {
  const company = await loadCompany(companyId);
  if (!can(company.actor, "view contacts")) forbidden();
  const id = parseRecordId(contactId) ?? notFound();
  const prisma = await getPrisma();
  const contact = await getContact(prisma, { companyId: company.id, contactId: id });
  // A merged contact's address leads to the contact it was merged into (which checks who may see it).
  if (contact?.status === "MERGED" && contact.mergedIntoId) {
    redirect(`/companies/${company.id}/contacts/${contact.mergedIntoId}`);
  }
  // Whom the contact is hidden from, it does not exist for; a contact whose import was undone is kept for the history only.
  if (
    !contact ||
    contact.status === "DISCARDED" ||
    contact.status === "MERGED" ||
    missingToSeeContact(company.actor, contactVisibility(contact))
  )
    notFound();
  return { company, contact: { ...contact, status: contact.status }, prisma };
});

async function load({ params }: Props) {
  const { companyId, contactId } = await params;
  return loadContact(companyId, contactId);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { contact } = await load(props);
  return { title: `${contact.firstName} ${contact.lastName}` };
}

const MEMBERSHIP_LABEL = { ACTIVE: "Active", INACTIVE: "Inactive", REMOVED: "Removed" } as const;
const MEMBERSHIP_STYLE = {
  ACTIVE: "bg-green-100 text-green-800",
  INACTIVE: "bg-slate-200 text-slate-700",
  REMOVED: "bg-red-50 text-red-800",
} as const;

export default async function ContactPage(props: Props) {
  const { company, contact, prisma } = await load(props);
  const history = await listContactHistory(prisma, company.id, contact.id);
  const names = await projectNames(
    prisma,
    company.id,
    (history ?? []).flatMap((h) => h.projectIds),
  );
  const { pending, user } = await getContactInvitation(prisma, {
    companyId: company.id,
    contactId: contact.id,
    userId: contact.userId,
  });
  const isUser = contact.status === "USER";
  const active = contact.status === "ACTIVE";
  const usersHref = `/companies/${company.id}/directory/${user?.status === "INACTIVE" ? "inactive-users" : "users"}?q=${encodeURIComponent(user?.email ?? "")}`;
  const pendingInvitation = pending
    ? `Invited to Rollcall at ${pending.email} on ${pending.sentAt.toLocaleDateString("en-US", { dateStyle: "medium" })}. Resend or revoke it on the Users tab.`
    : null;
  // What the Inactivate / Reactivate dialog lists: the contact as a directory row.
  const lifecycleRow: ContactListRow = {
    id: contact.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    phone: contact.phone,
    jobTitle: contact.jobTitle,
    vendor: contact.vendor && { name: contact.vendor.name, status: contact.vendor.status },
    projects: summarizeProjects(contact.projects.filter((p) => p.status === contact.status)),
  };
  const fields: [string, React.ReactNode][] = [
    ["Email", contact.email],
    ["Phone", contact.phone],
    ["Job title", contact.jobTitle],
    ["Company", contact.vendor ? companyLabel(contact.vendor) : contact.isEmployee ? company.name : null],
    ["Employee ID", contact.employeeId],
    ["Classification", contact.classification],
    ["Employee of our company", contact.isEmployee ? "Yes" : "No"],
    [
      "Created from",
      `${ORIGIN_LABELS[contact.origin]}${contact.originProject ? ` on ${contact.originProject.name}` : ""}`,
    ],
    ["Added", contact.createdAt.toLocaleDateString("en-US", { dateStyle: "medium" })],
    ["Inactivated", contact.inactivatedAt?.toLocaleDateString("en-US", { dateStyle: "medium" })],
  ];
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-1 text-sm text-slate-500">
        <Link
          href={isUser ? usersHref : `/companies/${company.id}/directory/${active ? "contacts" : "inactive-contacts"}`}
          className="hover:underline"
        >
          {isUser ? "Users" : active ? "Contacts" : "Inactive Contacts"}
        </Link>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">
            {contact.firstName} {contact.lastName}
          </h1>
          <p className="mt-1 text-sm">
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-medium ${active || isUser ? MEMBERSHIP_STYLE.ACTIVE : MEMBERSHIP_STYLE.INACTIVE}`}
            >
              {isUser ? "Rollcall user" : active ? "Active" : "Inactive"}
            </span>
          </p>
          {isUser && (
            <p className="mt-2 text-sm">
              Now a Rollcall user
              {user && (
                <>
                  :{" "}
                  <Link href={usersHref} className="text-brand-700 underline">
                    {user.name} ({user.email}) on Users
                  </Link>
                </>
              )}
              . Their projects, crews and history below stay with them.
            </p>
          )}
        </div>
        {contact.status !== "USER" && (
          <div className="flex flex-wrap items-start gap-2">
            <ContactActions
              companyId={company.id}
              canEdit={can(company.actor, "edit contacts")}
              canChangeStatus={can(company.actor, "change contact status")}
              contact={{ ...contact, status: contact.status }}
              lifecycleRow={lifecycleRow}
            />
            <InviteContactButton
              companyId={company.id}
              contact={{ id: contact.id, name: `${contact.firstName} ${contact.lastName}`, email: contact.email }}
              disabledReason={
                can(company.actor, "manage users")
                  ? (pendingInvitation ?? whyNotInvitable(contact.status, contact.email))
                  : REFUSAL["manage users"]
              }
            />
          </div>
        )}
      </div>

      <div className="mt-6 grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-2">
        <section aria-labelledby="details" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="details" className="font-semibold">
            Details
          </h2>
          <dl className="mt-3 grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
            {fields.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="[overflow-wrap:anywhere]">{value || <span className="text-slate-400">—</span>}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="projects" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="projects" className="font-semibold">
            Projects
          </h2>
          {contact.projects.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">Not on any project directory.</p>
          ) : (
            <table className="mt-3 w-full text-left text-sm">
              <thead className="text-xs text-slate-500 uppercase">
                <tr>
                  <th scope="col" className="py-1">
                    Project
                  </th>
                  <th scope="col" className="py-1">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {contact.projects.map((p) => (
                  <tr key={p.id}>
                    <td className="py-2">
                      <Link
                        href={`/companies/${company.id}/projects/${p.id}/directory/contacts`}
                        className="hover:underline"
                      >
                        {p.name}
                      </Link>
                    </td>
                    <td className="py-2">
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${MEMBERSHIP_STYLE[p.status]}`}>
                        {MEMBERSHIP_LABEL[p.status]}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {history && (
          <section aria-labelledby="history" className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-2">
            <h2 id="history" className="font-semibold">
              History
            </h2>
            {history.length === 0 ? (
              <p className="mt-3 text-sm text-slate-600">No changes recorded yet.</p>
            ) : (
              <ol aria-label="History" className="mt-1 divide-y divide-slate-100">
                {history.map((item) => (
                  <HistoryEntry key={item.id} item={item} projectNames={names} contactId={contact.id} />
                ))}
              </ol>
            )}
          </section>
        )}
      </div>
    </>
  );
}
