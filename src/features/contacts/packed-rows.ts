import type { VendorStatus } from "@/generated/prisma/enums";
import type { ContactListRow } from "@/server/contacts/list-contacts";

/**
 * A directory page's rows as they cross from the server to the browser: one array per
 * contact, its fields in a fixed order, instead of an object that repeats every key. The
 * page carries its rows' props once beside their markup, and fifty contacts' keys
 * ("firstName", "vendor", "status", …) were about 6 kB of each page. Pure functions, so
 * the server packs and the table unpacks with the same order.
 */
export type PackedContactRow = [
  id: string,
  firstName: string,
  lastName: string,
  email: string | null,
  phone: string | null,
  jobTitle: string | null,
  vendorName: string | null,
  /** 0 for an active company (nearly every row), else its status. */
  vendorStatus: 0 | Exclude<VendorStatus, "ACTIVE">,
  projectCount: number,
  firstProject: string | null,
];

export function packContactRows(rows: readonly ContactListRow[]): PackedContactRow[] {
  return rows.map((c) => [
    c.id,
    c.firstName,
    c.lastName,
    c.email,
    c.phone,
    c.jobTitle,
    c.vendor?.name ?? null,
    !c.vendor || c.vendor.status === "ACTIVE" ? 0 : c.vendor.status,
    c.projects.count,
    c.projects.first,
  ]);
}

export function unpackContactRows(rows: readonly PackedContactRow[]): ContactListRow[] {
  return rows.map(([id, firstName, lastName, email, phone, jobTitle, vendorName, vendorStatus, count, first]) => ({
    id,
    firstName,
    lastName,
    email,
    phone,
    jobTitle,
    vendor: vendorName === null ? null : { name: vendorName, status: vendorStatus || "ACTIVE" },
    projects: { count, first },
  }));
}
