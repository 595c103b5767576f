import { NextResponse, type NextRequest } from "next/server";
import { parseDirectorySearchParams } from "@/features/contacts/validations";

/**
 * A directory tab's URL holds its table state. One that holds anything else (a key the
 * table never writes, a value its parsers reject) is sent, with a real redirect, to the
 * URL of what the page can show.
 */
export function proxy(request: NextRequest) {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(request.nextUrl.searchParams.keys())) {
    const values = request.nextUrl.searchParams.getAll(key);
    raw[key] = values.length === 1 ? values[0]! : values;
  }
  const { canonical, isCanonical } = parseDirectorySearchParams(raw);
  if (isCanonical) return NextResponse.next();
  return NextResponse.redirect(new URL(`${request.nextUrl.pathname}${canonical}`, request.url));
}

export const config = {
  matcher: ["/companies/:companyId/directory/:tab", "/companies/:companyId/projects/:projectId/directory/:tab"],
};
