import { requestIdOf } from "@/server/log/logger";
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { loadMembership, type Actor } from "@/server/permissions/actor";
import { can, REFUSAL } from "@/server/permissions/can";
import { INACTIVE_TOKEN, authenticate, checkTokenMember, type Caller } from "./authenticate";
import { getPrisma } from "@/server/db/client";
import type { Endpoint, PathParams } from "./endpoints";
import { ApiError, NO_STORE, errorResponse } from "./errors";
import { parseFormBody } from "./parse-form";
import { parseBody, parseQuery } from "./request";
import { pathParams, type PathParam } from "./schemas";

export type ApiInput<Path extends string, Query, Body> = {
  db: PrismaClient;
  caller: Caller;
  /** The caller as a member of the path's company, already allowed the endpoint's access. */
  actor: "companyId" extends PathParams<Path> ? Actor : null;
  /** The path's ids, checked to be UUIDs and lower-cased; the company exists. */
  params: Record<PathParams<Path>, string>;
  query: Query extends z.ZodType ? z.output<Query> : Record<string, never>;
  body: Body extends z.ZodType ? z.output<Body> : undefined;
  /** The Idempotency-Key header, when the endpoint accepts one and the caller sent it. */
  idempotencyKey: string | null;
};

export type RouteContext<Path extends string> = { params: Promise<Record<PathParams<Path>, string>> };

const noQuery = z.strictObject({});

const NOT_FOUND: Record<PathParam, string> = {
  companyId: "Company not found: check the company id in the URL.",
  projectId: "Project not found in this company: check the project id in the URL.",
  contactId: "Contact not found in this company: check the contact id in the URL.",
  batchId: "That change was not found in this company's history: check the batchId.",
  vendorId: "Company (vendor) not found in this directory: check the vendor id in the URL.",
  groupId: "No such group of probable duplicates now: its contacts were merged, changed or dismissed. Reload the list.",
  userId: "User not found in this company: check the user id in the URL.",
  invitationId: "Invitation not found in this company: check the invitation id in the URL.",
};

/**
 * A route handler for one endpoint: checks the path's ids (and that the company exists),
 * parses the query and body with the endpoint's schemas, runs the handler and answers
 * with its JSON, or with the error shape for anything that went wrong. Every
 * request is authenticated (401) and the company's member checked against the endpoint's
 * permission (403) here, before any handler runs.
 */
export function apiRoute<
  Path extends string,
  Query extends z.ZodObject | undefined,
  Body extends z.ZodType | undefined,
  Result extends z.ZodType,
>(
  endpoint: Endpoint<Path, Query, Body, Result>,
  handler: (input: ApiInput<Path, Query, Body>) => Promise<z.input<Result>>,
) {
  const names = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as PathParam);
  return async (request: Request, context: RouteContext<Path>): Promise<Response> => {
    try {
      const db = await getPrisma();
      const caller = await authenticate(request, db, { companyInPath: names.includes("companyId") });
      const params = await parsePathParams(names, await context.params).catch(async (error: unknown) => {
        // An inactive member's token is a 401 before any 404 of the path.
        if (caller.memberUnchecked) await checkTokenMember(db, caller);
        throw error;
      });
      const actor = params.companyId ? await companyActor(db, caller, params.companyId) : null;
      const query = parseQuery(endpoint.query ?? noQuery, new URL(request.url).searchParams);
      if (endpoint.access && actor) {
        const permission = endpoint.access(query as never);
        if (!can(actor, permission, { projectId: params.projectId }))
          throw new ApiError("forbidden", REFUSAL[permission]);
      }
      const body = endpoint.body
        ? await (endpoint.multipart
            ? parseFormBody(endpoint.body, request, endpoint.multipart.maxBytes)
            : parseBody(endpoint.body, request))
        : undefined;
      const idempotencyKey = endpoint.idempotent ? readIdempotencyKey(request) : null;
      const input = { db, caller, actor, params, query, body, idempotencyKey } as ApiInput<Path, Query, Body>;
      return Response.json(await handler(input), { status: endpoint.status, headers: NO_STORE });
    } catch (error) {
      return errorResponse(error, requestIdOf(request.headers));
    }
  };
}

/**
 * The caller as a member of the path's company. Another company — not theirs, or not
 * their token's — is answered exactly like one that does not exist.
 */
async function companyActor(db: PrismaClient, caller: Caller, companyId: string): Promise<Actor> {
  if (caller.tokenCompanyId && caller.tokenCompanyId !== companyId) {
    if (caller.memberUnchecked) await checkTokenMember(db, caller);
    throw notFoundError("companyId");
  }
  // The member, the company and the grants in one statement; for a token, its user's status too.
  const membership = await loadMembership(db, { userId: caller.userId, companyId });
  if (caller.memberUnchecked && membership?.status !== "ACTIVE") throw new ApiError("unauthorized", INACTIVE_TOKEN);
  if (!membership?.actor) throw notFoundError("companyId");
  return membership.actor;
}

const IDEMPOTENCY_KEY = z.string().regex(/^[\x21-\x7e]{1,255}$/);

function readIdempotencyKey(request: Request): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (!IDEMPOTENCY_KEY.safeParse(key).success) {
    throw new ApiError(
      "validation_error",
      "The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID.",
      [{ path: "Idempotency-Key", message: "1 to 255 visible ASCII characters." }],
    );
  }
  return key;
}

/** The 404 for an id in the path that names nothing in this company. */
export function notFoundError(param: PathParam): ApiError {
  return new ApiError("not_found", NOT_FOUND[param]);
}

async function parsePathParams(
  names: PathParam[],
  raw: Partial<Record<string, string>>,
): Promise<Partial<Record<PathParam, string>>> {
  const params: Partial<Record<PathParam, string>> = {};
  for (const name of names) {
    const parsed = pathParams[name].safeParse(raw[name]);
    // A malformed id names nothing, just like an unknown one.
    if (!parsed.success) throw notFoundError(name);
    params[name] = parsed.data.toLowerCase();
  }
  return params;
}
