import "server-only";
import { z } from "zod";
import { findDuplicateGroups } from "@/server/contacts/find-duplicate-groups";
import { getPrisma } from "@/server/db/client";
import { DUPLICATE_REASONS, type DuplicateReason } from "@/shared/duplicate-reasons";

export const DUPLICATES_PER_PAGE = 20;

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

export async function loadDuplicates(companyId: string, query: DuplicatesQuery) {
  return findDuplicateGroups(await getPrisma(), { companyId, ...query });
}
