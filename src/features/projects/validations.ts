import { createLoader, createSerializer } from "nuqs/server";
import { projectsSearchParams, type ProjectsQuery } from "@/shared/project-query";

const loadProjectsSearchParams = createLoader(projectsSearchParams);
export const serializeProjectsSearchParams = createSerializer(projectsSearchParams);
// Every key written out, defaults included: what each given value must equal to stand.
const serializeAll = createSerializer(projectsSearchParams, { clearOnDefault: false });

/**
 * The Projects page's URL state, and whether the URL is already its canonical form:
 * unknown keys, repeated keys and values the parsers reject are dropped (the page
 * redirects there), as the directory's are.
 */
export function parseProjectsSearchParams(raw: Record<string, string | string[] | undefined>): {
  query: ProjectsQuery;
  canonical: string;
  isCanonical: boolean;
} {
  const parsed = loadProjectsSearchParams(raw);
  const query: ProjectsQuery = { ...parsed, q: parsed.q.trim().slice(0, 200), page: Math.max(1, parsed.page) };
  const expected = new URLSearchParams(serializeAll(query));
  const isCanonical = Object.entries(raw).every(
    ([key, value]) => value === undefined || (typeof value === "string" && expected.get(key) === value),
  );
  return { query, canonical: serializeProjectsSearchParams(query), isCanonical };
}
