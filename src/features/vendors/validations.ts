import { createLoader, createSerializer } from "nuqs/server";
import { vendorSearchParams, type VendorQuery } from "@/shared/vendor-query";
import { projectVendorSearchParams, type ProjectVendorQuery } from "@/shared/project-vendor-query";

export const loadVendorSearchParams = createLoader(vendorSearchParams);
export const serializeVendorSearchParams = createSerializer(vendorSearchParams);
const serializeAllVendorSearchParams = createSerializer(vendorSearchParams, { clearOnDefault: false });

type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * Parses a Companies tab's search params, like the contacts tabs': `canonical` is where a
 * URL holding unknown keys, repeated keys or rejected values is sent.
 */
export function parseVendorSearchParams(raw: RawSearchParams): {
  query: VendorQuery;
  canonical: string;
  isCanonical: boolean;
} {
  const parsed = loadVendorSearchParams(raw);
  const query: VendorQuery = { ...parsed, q: parsed.q.trim().slice(0, 200), page: Math.max(1, parsed.page) };
  const expected = new URLSearchParams(serializeAllVendorSearchParams(query));
  const isCanonical = Object.entries(raw).every(
    ([key, value]) => value === undefined || (typeof value === "string" && expected.get(key) === value),
  );
  return { query, canonical: serializeVendorSearchParams(query), isCanonical };
}

const serializeProjectVendorSearchParams = createSerializer(projectVendorSearchParams);
const serializeAllProjectVendorSearchParams = createSerializer(projectVendorSearchParams, { clearOnDefault: false });
const loadProjectVendorSearchParams = createLoader(projectVendorSearchParams);
export { serializeProjectVendorSearchParams };

/** A project's Companies tab's search params, parsed and checked the same way. */
export function parseProjectVendorSearchParams(raw: RawSearchParams): {
  query: ProjectVendorQuery;
  canonical: string;
  isCanonical: boolean;
} {
  const parsed = loadProjectVendorSearchParams(raw);
  const query: ProjectVendorQuery = { ...parsed, q: parsed.q.trim().slice(0, 200), page: Math.max(1, parsed.page) };
  const expected = new URLSearchParams(serializeAllProjectVendorSearchParams(query));
  const isCanonical = Object.entries(raw).every(
    ([key, value]) => value === undefined || (typeof value === "string" && expected.get(key) === value),
  );
  return { query, canonical: serializeProjectVendorSearchParams(query), isCanonical };
}
