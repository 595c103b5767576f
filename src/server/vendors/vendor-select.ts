import type { Prisma } from "@/generated/prisma/client";

/** The columns of a company (vendor) that every reader and writer returns. */
export const vendorSelect = {
  id: true,
  name: true,
  kind: true,
  trade: true,
  phone: true,
  email: true,
  website: true,
  address: true,
  licenseNumber: true,
  notes: true,
  status: true,
  mergedIntoId: true,
  createdAt: true,
  updatedAt: true,
  inactivatedAt: true,
} satisfies Prisma.VendorSelect;

export type VendorRow = Prisma.VendorGetPayload<{ select: typeof vendorSelect }>;
/** A company with how many active contacts work for it and how many projects they are on. */
export type VendorRecord = VendorRow & { contactCount: number; projectCount: number };
