import { endpoints } from "./endpoints";
import { ApiError, errorResponse } from "./errors";

const PREFIX = "/api/v1";

/** Every path the API answers, with the methods it takes there (the OpenAPI document's own). */
const ROUTES = (() => {
  const byPath = new Map<string, Set<string>>([["/openapi.json", new Set(["GET"])]]);
  for (const { path, method } of Object.values(endpoints)) {
    const methods = byPath.get(path) ?? new Set<string>();
    methods.add(method.toUpperCase());
    byPath.set(path, methods);
  }
  return [...byPath].map(([path, methods]) => {
    if (methods.has("GET")) methods.add("HEAD");
    methods.add("OPTIONS");
    const pattern = new RegExp(`^${path.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`);
    return { pattern, methods };
  });
})();

/**
 * The JSON error for an /api/v1 request no route handler takes: an unknown path is 404,
 * a known path with a method it does not take is 405 (with Allow), both in the API's one
 * error shape instead of the framework's HTML page or empty answer. Null: a handler takes it.
 */
export function unmatchedApiRequest(method: string, pathname: string): Response | null {
  if (pathname !== PREFIX && !pathname.startsWith(`${PREFIX}/`)) return null;
  const path = pathname.slice(PREFIX.length) || "/";
  // A literal segment ("bulk_inactivate") also matches a template's parameter ("{contactId}"): every match counts.
  const methods = new Set(ROUTES.filter((r) => r.pattern.test(path)).flatMap((r) => [...r.methods]));
  if (methods.size === 0)
    return errorResponse(
      new ApiError("not_found", `There is no ${PREFIX}${path}: the API's paths are listed in ${PREFIX}/openapi.json.`),
    );
  if (methods.has(method)) return null;
  const allowed = [...methods].join(", ");
  const response = errorResponse(
    new ApiError("method_not_allowed", `${PREFIX}${path} does not take ${method}; it takes ${allowed}.`),
  );
  response.headers.set("Allow", allowed);
  return response;
}
