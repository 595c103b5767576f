import type { z } from "zod";
import type { ContactRecord } from "@/server/contacts/contact-select";
import type { MembershipStatus, ProjectStatus } from "@/generated/prisma/enums";
import type { VendorHistoryItem } from "@/server/vendors/list-vendor-history";
import type { VendorRecord } from "@/server/vendors/vendor-select";
import type { ProjectVendorRecord } from "@/server/vendors/list-project-vendors";
import type { HistoryItem } from "@/server/history/list-history";
import type { CompanyHistoryEntry } from "@/server/history/list-history-events";
import type { ChangeUserStatusResult } from "@/server/users/change-user-status";
import type { CompanyUser } from "@/server/users/list-company-users";
import type {
  contactDetailSchema,
  contactSchema,
  historyItemSchema,
  historyPageSchema,
  projectSchema,
  projectVendorSchema,
  vendorHistoryItemSchema,
  vendorSchema,
} from "./schemas";

const lower = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A contact as every endpoint returns it. */
export function toContactJson(contact: ContactRecord): z.input<typeof contactSchema> {
  return {
    id: contact.id,
    companyId: contact.companyId,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    phone: contact.phone,
    jobTitle: contact.jobTitle,
    employeeId: contact.employeeId,
    classification: contact.classification,
    isEmployee: contact.isEmployee,
    vendor: contact.vendor && { ...contact.vendor, status: lower(contact.vendor.status) },
    status: lower(contact.status),
    origin: lower(contact.origin),
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
    inactivatedAt: iso(contact.inactivatedAt),
    mergedIntoId: contact.mergedIntoId,
  };
}

export function toContactDetailJson(
  contact: ContactRecord & { projects: { id: string; name: string; status: MembershipStatus }[] },
): z.input<typeof contactDetailSchema> {
  return {
    ...toContactJson(contact),
    projects: contact.projects.map((p) => ({ id: p.id, name: p.name, status: lower(p.status) })),
  };
}

export function toProjectJson(project: {
  id: string;
  name: string;
  number: string | null;
  status: ProjectStatus;
}): z.input<typeof projectSchema> {
  return { id: project.id, name: project.name, number: project.number, status: lower(project.status) };
}

/** A company (vendor) as every endpoint returns it. */
export function toVendorJson(vendor: VendorRecord): z.input<typeof vendorSchema> {
  return {
    id: vendor.id,
    name: vendor.name,
    kind: lower(vendor.kind),
    trade: vendor.trade,
    phone: vendor.phone,
    email: vendor.email,
    website: vendor.website,
    address: vendor.address,
    licenseNumber: vendor.licenseNumber,
    notes: vendor.notes,
    status: lower(vendor.status),
    mergedIntoId: vendor.mergedIntoId,
    contactCount: vendor.contactCount,
    createdAt: new Date(vendor.createdAt).toISOString(),
    updatedAt: new Date(vendor.updatedAt).toISOString(),
    inactivatedAt: vendor.inactivatedAt ? new Date(vendor.inactivatedAt).toISOString() : null,
  };
}

export function toVendorHistoryItemJson(item: VendorHistoryItem): z.input<typeof vendorHistoryItemSchema> {
  return { ...item, at: item.at.toISOString() };
}

export function toHistoryItemJson(item: HistoryItem): z.input<typeof historyItemSchema> {
  return { ...item, at: item.at.toISOString() };
}

/** An entry of the company's Change History: a contact's, a company's or a user's, each in its own shape. */
export function toCompanyHistoryEntryJson(
  entry: CompanyHistoryEntry,
): z.input<typeof historyPageSchema>["data"][number] {
  const json: Record<string, unknown> = { ...entry, at: entry.at.toISOString() };
  delete json.record;
  return json as z.input<typeof historyPageSchema>["data"][number];
}

/** A user of the company as the API shows them. */
export function toUserJson(user: CompanyUser) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    level: lower(user.companyLevel),
    status: lower(user.status),
    projectLevels: Object.entries(user.projectLevels).map(([projectId, level]) => ({ projectId, level: lower(level) })),
    invitedAt: user.invitation?.sentAt.toISOString() ?? null,
    invitationId: user.invitation?.id ?? null,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    contactId: user.contactId,
  };
}

const SKIP_REASON = { ACTIVE: "already active", INACTIVE: "already inactive", INVITED: "invited" } as const;

/** A bulk Inactivate or Reactivate of users, as the API answers it. */
export function toBulkUsersJson({ batchId, changed, unchanged }: ChangeUserStatusResult) {
  return {
    batchId,
    changed: changed.length,
    skipped: unchanged.map((u) => ({ id: u.id, reason: SKIP_REASON[u.status] })),
  };
}

/** A company on a project's Companies tab. */
export function toProjectVendorJson(vendor: ProjectVendorRecord): z.input<typeof projectVendorSchema> {
  return {
    id: vendor.id,
    name: vendor.name,
    kind: lower(vendor.kind),
    trade: vendor.trade,
    phone: vendor.phone,
    status: lower(vendor.status),
    memberCount: vendor.memberCount,
  };
}
