import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { parseDirectorySearchParams } from "@/features/contacts/validations";
import { parseProjectVendorSearchParams, parseVendorSearchParams } from "@/features/vendors/validations";
import { unmatchedApiRequest } from "@/server/api/unmatched-request";

// The contacts tabs; the Duplicates page and the Users tabs parse their own URL state on the page.
const DIRECTORY_TAB =
  /^\/companies\/[^/]+(\/projects\/[^/]+)?\/directory\/(?!duplicates$|users$|inactive-users$)[^/]+$/;
const COMPANIES_TAB = /^\/companies\/[^/]+\/directory\/(inactive-)?companies$/;
const PROJECT_COMPANIES_TAB = /^\/companies\/[^/]+\/projects\/[^/]+\/directory\/companies$/;

/**
 * Runs before every page. Without a session cookie, a page sends the user to sign in
 * (and back afterwards); the pages themselves still check the session and the user's
 * permissions, this is only the fast path. A directory tab's URL holds its table
 * state: one holding anything else is redirected to the URL of what the page can show.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // The API answers 401 itself; here only requests no route handler takes get its JSON 404 or 405.
  if (pathname.startsWith("/api/")) return unmatchedApiRequest(request.method, pathname) ?? NextResponse.next();
  if (!getSessionCookie(request, { cookiePrefix: "rollcall" })) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (!DIRECTORY_TAB.test(pathname)) return NextResponse.next();
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(request.nextUrl.searchParams.keys())) {
    const values = request.nextUrl.searchParams.getAll(key);
    raw[key] = values.length === 1 ? values[0]! : values;
  }
  const { canonical, isCanonical } = COMPANIES_TAB.test(pathname)
    ? parseVendorSearchParams(raw)
    : PROJECT_COMPANIES_TAB.test(pathname)
      ? parseProjectVendorSearchParams(raw)
      : parseDirectorySearchParams(raw);
  if (isCanonical) return NextResponse.next();
  return NextResponse.redirect(new URL(`${pathname}${canonical}`, request.url));
}

export const config = {
  // Every page but those a signed-out person uses (sign in, forgot password, the emailed
  // links), and the JSON API; not Better Auth's routes, Next's files or the icon.
  matcher: [
    "/((?!sign-in|forgot-password|reset-password|accept-invitation|api/(?!v1(?:/|$))|_next/|icon.svg|favicon.ico).*)",
  ],
};
