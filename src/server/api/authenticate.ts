import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { verifyApiToken } from "@/server/auth/api-tokens";
import { authFor } from "@/server/auth/get-auth";
import { ApiError } from "./errors";

/**
 * Who is calling: a user, and for a token the one company it acts in. `memberUnchecked`:
 * the token's membership is checked with the path's company (see `checkTokenMember`).
 */
export type Caller = { userId: string; tokenCompanyId?: string; memberUnchecked?: boolean };

export const INACTIVE_TOKEN =
  "This API token's user is no longer active in its company. A company admin can reactivate them on the Directory's Inactive Users tab.";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A personal API token (`Authorization: Bearer …`) or the session cookie. A cookie only
 * counts for a change when the request comes from this site: another site's page cannot
 * ride a signed-in user's cookie into the API.
 */
export async function authenticate(
  request: Request,
  db: PrismaClient,
  { companyInPath = false }: { companyInPath?: boolean } = {},
): Promise<Caller> {
  const header = request.headers.get("authorization");
  if (header) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new ApiError("unauthorized", "Send the token as: Authorization: Bearer <token>.");
    const found = await verifyApiToken(db, token);
    if (!found)
      throw new ApiError(
        "unauthorized",
        "This API token is not valid, or it was revoked. Create a new one in Settings.",
      );
    const caller = { userId: found.userId, tokenCompanyId: found.companyId };
    // With the company in the path, the pipeline reads the membership once, for both.
    if (companyInPath) return { ...caller, memberUnchecked: true };
    await checkTokenMember(db, caller);
    return caller;
  }
  const session = await authFor(db).api.getSession({ headers: request.headers });
  if (!session) {
    throw new ApiError("unauthorized", "Sign in, or send a personal API token as: Authorization: Bearer <token>.");
  }
  if (!SAFE_METHODS.has(request.method) && !sameSite(request)) {
    throw new ApiError(
      "forbidden",
      "Changes with a session cookie must come from Rollcall itself. Integrations use an API token.",
    );
  }
  return { userId: session.user.id };
}

/**
 * Whether the browser says the request comes from the app's own origin: scheme, host and
 * port, compared with the configured public URL (BETTER_AUTH_URL), else the URL the
 * request was made to — never with X-Forwarded-Host, which anyone can send.
 */
function sameSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") === "same-origin";
  const app = URL.canParse(process.env.BETTER_AUTH_URL ?? "")
    ? new URL(process.env.BETTER_AUTH_URL!).origin
    : new URL(request.url).origin;
  return URL.canParse(origin) && new URL(origin).origin === app;
}

/** A token acts only while its user is an active member of its company (401 otherwise). */
export async function checkTokenMember(db: PrismaClient, caller: Caller): Promise<void> {
  if (!caller.tokenCompanyId) return;
  const member = await db.companyMember.findUnique({
    where: { companyId_userId: { companyId: caller.tokenCompanyId, userId: caller.userId } },
    select: { status: true },
  });
  if (member?.status !== "ACTIVE") throw new ApiError("unauthorized", INACTIVE_TOKEN);
}
