import "server-only";
import { z } from "zod";
import type { ContactStatus } from "@/generated/prisma/enums";
import { findDuplicateGroups } from "@/server/contacts/find-duplicate-groups";
import { getPrisma } from "@/server/db/client";
import { DUPLICATE_REASONS, type DuplicateReason } from "@/shared/duplicate-reasons";

/** Groups a page: a group can hold ten people, and each is shown with its fields. */
export const DUPLICATES_PER_PAGE = 10;
/** How many of a group's contacts its card shows side by side; the others are named. */
const CARDS_PER_GROUP = 4;

const searchParamsSchema = z.object({
  reason: z.enum(DUPLICATE_REASONS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type DuplicatesQuery = { reason: DuplicateReason | null; page: number; perPage: number };

/** The Duplicates page's URL state: an unknown reason or page reads as none (the first page). */
export function parseDuplicatesSearchParams(raw: Record<string, string | string[] | undefined>): DuplicatesQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = searchParamsSchema.parse({ reason: first(raw.reason), page: first(raw.page) });
  return { reason: parsed.reason ?? null, page: parsed.page, perPage: DUPLICATES_PER_PAGE };
}

/** How many of a contact's projects its card names; the rest are counted. */
const NAMED_PROJECTS = 3;

/**
 * What a group's card shows of each contact. Merge… loads the rest (its fields, every
 * project, what would move) when it is asked for: a page of twenty groups carrying every
 * contact's every project for the dialog was 650 kB at 100,000 contacts.
 */
export type DuplicateCardContact = {
  id: string;
  firstName: string;
  lastName: string;
  status: ContactStatus;
  email: string | null;
  phone: string | null;
  employeeId: string | null;
  jobTitle: string | null;
  company: string | null;
  projects: { count: number; named: string[] };
};
export type DuplicateCard = {
  id: string;
  reasons: DuplicateReason[];
  /** The oldest contacts, side by side. */
  contacts: DuplicateCardContact[];
  /** The group's other contacts, by name (Merge… shows everyone in full). */
  others: { id: string; name: string }[];
};

export async function loadDuplicates(
  companyId: string,
  query: DuplicatesQuery,
): Promise<{ groups: DuplicateCard[]; total: number }> {
  const { groups, total } = await findDuplicateGroups(await getPrisma(), { companyId, ...query });
  return {
    total,
    groups: groups.map((g) => ({
      id: g.id,
      reasons: g.reasons,
      others: g.contacts.slice(CARDS_PER_GROUP).map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}` })),
      contacts: g.contacts.slice(0, CARDS_PER_GROUP).map((c) => ({
        id: c.id,
        firstName: c.firstName,
        lastName: c.lastName,
        status: c.status,
        email: c.email,
        phone: c.phone,
        employeeId: c.employeeId,
        jobTitle: c.jobTitle,
        company: c.vendor?.name ?? null,
        projects: {
          count: c.memberships.length,
          named: c.memberships.slice(0, NAMED_PROJECTS).map((m) => m.project.name),
        },
      })),
    })),
  };
}
