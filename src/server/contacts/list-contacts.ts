import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { ContactStatus, VendorStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db/transaction";
import { foldText, phoneSearchDigits } from "@/shared/fold-text";
import { splitSort, type ContactFilters, type SortableColumn, type SortValue } from "@/shared/directory-query";

export type ListContactsOptions = ContactFilters & {
  companyId: string;
  /** A directory tab lists active or inactive contacts; discarded ones (an undone import's) are on none. */
  status: Exclude<ContactStatus, "DISCARDED" | "MERGED" | "USER">;
  /** Limit to one project's directory: its members whose membership has this status. */
  projectId?: string;
  sort: SortValue;
  /** Rows grouped under their company (vendor). */
  group?: "company" | null;
  page: number;
  /** Rows per page: the UI offers PAGE_SIZES, the JSON API any count from 1 to 100. */
  perPage: number;
};

export type ContactListRow = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  vendor: { name: string; status: VendorStatus } | null;
  /**
   * The project directories the contact is on in this status (for inactive contacts: the
   * ones reactivation restores): how many, and the first by name. Not the whole list: a page
   * carries its rows' props, and fifty contacts on ten projects each would be tens of kB.
   */
  projects: ProjectSummary;
};

export type ProjectSummary = { count: number; first: string | null };

export function summarizeProjects(projects: readonly { name: string }[]): ProjectSummary {
  return { count: projects.length, first: projects[0]?.name ?? null };
}

/** What ILIKE treats as wildcards, matched literally: a search word is plain text. */
export function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The rows of a directory tab with its filters and search. Every word of the search must
 * match one of firstName, lastName, email, phone (or its digits), jobTitle, employeeId or
 * the vendor's name, case and accents aside: the contact's own fields through the generated searchText column and its
 * trigram index (a word never contains the space between fields, and wildcards are taken
 * literally, so a match never spans two fields), vendor names through the ids of the
 * matching vendors, looked up first so the database can OR the two index scans.
 */
export async function contactsWhere(
  db: Db,
  options: Omit<ListContactsOptions, "sort" | "page" | "perPage" | "group">,
): Promise<Prisma.ContactWhereInput> {
  const { companyId, status, projectId, q, vendorId, onProjectId, origin } = options;
  const onProjects = [projectId, onProjectId].filter((id): id is string => Boolean(id));
  const terms = [...new Set(q.split(/\s+/).filter(Boolean))].map(likeLiteral);
  const vendorsMatching = await Promise.all(
    terms.map(async (term) =>
      (
        await db.vendor.findMany({
          where: { companyId, name: { contains: term, mode: "insensitive" } },
          select: { id: true },
        })
      ).map((v) => v.id),
    ),
  );
  return {
    companyId,
    status,
    ...(vendorId ? { vendorId } : {}),
    ...(origin ? { origin } : {}),
    AND: [
      // On a project's directory in this tab's sense: as an active member, or an inactive one.
      ...onProjects.map((id) => ({ memberships: { some: { projectId: id, status } } })),
      // Every word must match some field, so "maria lopez" finds Maria Lopez.
      ...terms.map((term, i) => {
        // searchText is folded (case, accents) and ends with the phone's digits, so a folded word
        // finds "José", and a phone typed in any format is also looked for by its digits.
        const digits = phoneSearchDigits(term);
        const folded: Prisma.ContactWhereInput = { searchText: { contains: foldText(term), mode: "insensitive" } };
        const own: Prisma.ContactWhereInput = digits ? { OR: [folded, { searchText: { contains: digits } }] } : folded;
        const vendorIds = vendorsMatching[i]!;
        return vendorIds.length ? { OR: [own, { vendorId: { in: vendorIds } }] } : own;
      }),
    ],
  };
}

export function contactsOrderBy(
  sort: SortValue,
  group: ListContactsOptions["group"],
): Prisma.ContactOrderByWithRelationInput[] {
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
  // Grouped rows come company by company; the id breaks ties, so pages never overlap or skip a row.
  const grouping: Prisma.ContactOrderByWithRelationInput[] = group === "company" ? [{ vendor: { name: "asc" } }] : [];
  return [...grouping, ...first[column], { id: dir }];
}

/** One page of a directory tab, and how many contacts match in all. */
export async function listContacts(
  prisma: PrismaClient,
  options: ListContactsOptions,
): Promise<{ rows: ContactListRow[]; total: number }> {
  const where = await contactsWhere(prisma, options);
  const membershipStatus = options.status;
  const [contacts, total] = await Promise.all([
    prisma.contact.findMany({
      where,
      orderBy: contactsOrderBy(options.sort, options.group),
      skip: (options.page - 1) * options.perPage,
      take: options.perPage,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        phone: true,
        jobTitle: true,
        vendor: { select: { name: true, status: true } },
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
      projects: summarizeProjects(memberships.map((m) => m.project)),
    })),
    total,
  };
}
