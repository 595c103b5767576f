import { z } from "zod";

/**
 * A record's id as every boundary takes it: a UUID, lower-cased once, before any
 * permission check. The database compares UUIDs in any case, but permission grants are
 * looked up by the lower-case id, so "ABC…" and "abc…" must be one string everywhere.
 */
export function recordId(params?: Parameters<typeof z.uuid>[0]) {
  return z.uuid(params).toLowerCase();
}

/** A path segment as a record id, or null when it is no UUID (and so names nothing). */
export function parseRecordId(value: string): string | null {
  const parsed = recordId().safeParse(value);
  return parsed.success ? parsed.data : null;
}
