import "server-only";
import type { Db } from "@/server/db/transaction";
import type { ContactVisibility } from "@/server/permissions/can";
import { contactSelect } from "./contact-select";

/** A contact of this company with every project it has been on and its status there; null if none. */
export async function getContact(db: Db, { companyId, contactId }: { companyId: string; contactId: string }) {
  const contact = await db.contact.findUnique({
    where: { companyId_id: { companyId, id: contactId } },
    select: {
      ...contactSelect,
      originProject: { select: { id: true, name: true } },
      memberships: {
        select: { status: true, updatedAt: true, project: { select: { id: true, name: true, number: true } } },
        orderBy: { project: { name: "asc" } },
      },
    },
  });
  if (!contact) return null;
  const { memberships, ...rest } = contact;
  return { ...rest, projects: memberships.map((m) => ({ ...m.project, status: m.status, since: m.updatedAt })) };
}
export type ContactDetail = NonNullable<Awaited<ReturnType<typeof getContact>>>;

/** What deciding who may see the contact needs (src/server/permissions/can.ts): status, and the projects it is still on. */
export function contactVisibility(contact: Pick<ContactDetail, "status" | "projects">): ContactVisibility {
  return {
    status: contact.status,
    projectIds: contact.projects.filter((p) => p.status !== "REMOVED").map((p) => p.id),
  };
}
