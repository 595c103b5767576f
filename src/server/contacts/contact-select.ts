import type { Prisma } from "@/generated/prisma/client";

/** The columns of a contact that every reader and writer returns, with its vendor. */
export const contactSelect = {
  id: true,
  companyId: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  jobTitle: true,
  employeeId: true,
  classification: true,
  isEmployee: true,
  status: true,
  origin: true,
  originProjectId: true,
  createdAt: true,
  updatedAt: true,
  inactivatedAt: true,
  mergedIntoId: true,
  userId: true,
  vendor: { select: { id: true, name: true, status: true } },
} satisfies Prisma.ContactSelect;

export type ContactRecord = Prisma.ContactGetPayload<{ select: typeof contactSelect }>;
