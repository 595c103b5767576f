import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { ContactStatus } from "@/generated/prisma/enums";
import { splitSort, type DirectoryQuery, type SortableColumn } from "@/features/contacts/validations";

export type ListContactsOptions = DirectoryQuery & {
  companyId: string;
  status: ContactStatus;
  /** Limit to one project's directory: its members whose membership has this status. */
  projectId?: string;
};

export type ContactListRow = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  vendor: { id: string; name: string } | null;
  /** Project directories the contact is on in this status (for inactive contacts: the ones reactivation restores). */
  projects: { id: string; name: string }[];
};

const SEARCHED_FIELDS = ["firstName", "lastName", "email", "phone", "jobTitle", "employeeId"] as const;

export function contactsWhere({ companyId, status, projectId, q }: Omit<ListContactsOptions, "sort" | "page" | "perPage">): Prisma.ContactWhereInput {
  const terms = q.split(/\s+/).filter(Boolean);
  return {
    companyId,
    status,
    ...(projectId ? { memberships: { some: { projectId, status } } } : {}),
    // Every word must match some field, so "maria lopez" finds Maria Lopez.
    AND: terms.map((term) => ({
      OR: [
        ...SEARCHED_FIELDS.map((field) => ({ [field]: { contains: term, mode: "insensitive" as const } })),
        { vendor: { name: { contains: term, mode: "insensitive" as const } } },
      ],
    })),
  };
}

function contactsOrderBy(sort: DirectoryQuery["sort"]): Prisma.ContactOrderByWithRelationInput[] {
  const { column, desc } = splitSort(sort);
  const dir = desc ? "desc" : "asc";
  const byName: Prisma.ContactOrderByWithRelationInput[] = [{ lastName: dir }, { firstName: dir }];
  const first: Record<SortableColumn, Prisma.ContactOrderByWithRelationInput[]> = {
    name: byName,
    company: [{ vendor: { name: dir } }, ...byName],
    jobTitle: [{ jobTitle: { sort: dir, nulls: "last" } }, ...byName],
    email: [{ email: { sort: dir, nulls: "last" } }],
    phone: [{ phone: { sort: dir, nulls: "last" } }],
  };
  // The id breaks ties, so pages never overlap or skip a row.
  return [...first[column], { id: dir }];
}

/** One page of a directory tab, and how many contacts match in all. */
export async function listContacts(
  prisma: PrismaClient,
  options: ListContactsOptions,
): Promise<{ rows: ContactListRow[]; total: number }> {
  const where = contactsWhere(options);
  const membershipStatus = options.status;
  const [contacts, total] = await Promise.all([
    prisma.contact.findMany({
      where,
      orderBy: contactsOrderBy(options.sort),
      skip: (options.page - 1) * options.perPage,
      take: options.perPage,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        phone: true,
        jobTitle: true,
        vendor: { select: { id: true, name: true } },
        memberships: {
          where: { status: membershipStatus },
          select: { project: { select: { id: true, name: true } } },
          orderBy: { project: { name: "asc" } },
        },
      },
    }),
    prisma.contact.count({ where }),
  ]);
  return {
    rows: contacts.map(({ memberships, ...contact }) => ({
      ...contact,
      projects: memberships.map((m) => m.project),
    })),
    total,
  };
}
