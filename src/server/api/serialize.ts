import type { z } from "zod";
import type { ContactRecord } from "@/server/contacts/contact-select";
import type { MembershipStatus, ProjectStatus, VendorKind } from "@/generated/prisma/enums";
import type { HistoryItem } from "@/server/history/list-history";
import type { contactDetailSchema, contactSchema, historyItemSchema, projectSchema, vendorSchema } from "./schemas";

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
    vendor: contact.vendor,
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

export function toVendorJson(vendor: {
  id: string;
  name: string;
  kind: VendorKind;
  trade: string | null;
}): z.input<typeof vendorSchema> {
  return { id: vendor.id, name: vendor.name, kind: lower(vendor.kind), trade: vendor.trade };
}

export function toHistoryItemJson(item: HistoryItem): z.input<typeof historyItemSchema> {
  return { ...item, at: item.at.toISOString() };
}
