/**
 * What to call the page at this path when refusing it: "You don't have access to
 * Change History." The refusal page gets no props (Next's forbidden.tsx), only the URL.
 */
export function refusedPageName(pathname: string): string {
  const path = pathname.replace(/^\/companies\/[^/]+/, "");
  if (path.startsWith("/history")) return "Change History";
  if (path.startsWith("/settings")) return "API tokens";
  if (/^\/projects\/[^/]+\/directory\/inactive-contacts/.test(path)) return "this project's Inactive Contacts";
  if (/^\/projects\/[^/]+\/directory\/import/.test(path)) return "this project's contact import";
  if (path.startsWith("/projects/")) return "this project's directory";
  if (path.startsWith("/directory/inactive-contacts")) return "Inactive Contacts";
  if (path.startsWith("/directory/users")) return "the Users tab";
  if (path.startsWith("/directory/inactive-users")) return "Inactive Users";
  if (path.startsWith("/directory/inactive-companies")) return "Inactive Companies";
  if (path.startsWith("/directory/duplicates")) return "Duplicates";
  if (path.startsWith("/outbox")) return "the Outbox";
  if (path.startsWith("/directory/import")) return "the contact import";
  if (path.startsWith("/directory") || path.startsWith("/contacts")) return "the Directory";
  return "this page";
}
