import type { PrismaClient } from "@/generated/prisma/client";
import { expect } from "vitest";
import type { z } from "zod";
import { provideDatabase } from "@/server/db/client";
import type { ErrorCode } from "@/server/api/errors";
import { errorSchema } from "@/server/api/schemas";
import type { Database, DatabaseKind } from "@/server/db/open-database";
import { openTestDatabase } from "./database";
import { createUserWithToken } from "./factories";

let apiDb: PrismaClient | undefined;
const adminTokens = new Map<string, Promise<string>>();

/** A migrated test database that the API's route handlers use until closed. */
export async function openApiTestDatabase(kind: DatabaseKind): Promise<Database> {
  const db = await openTestDatabase(kind);
  provideDatabase(db.prisma);
  apiDb = db.prisma;
  adminTokens.clear();
  return db;
}

export async function closeApiTestDatabase(db: Database | undefined): Promise<void> {
  provideDatabase(undefined);
  apiDb = undefined;
  await db?.close();
}

/** A company Admin's API token for this company: what calls send unless a test says otherwise. */
export function adminToken(companyId: string): Promise<string> {
  let token = adminTokens.get(companyId);
  if (!token) {
    token = createUserWithToken(apiDb!, companyId, "ADMIN").then((u) => u.token);
    adminTokens.set(companyId, token);
  }
  return token;
}

/** Any exported route handler, whatever its path's params. */
type RouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

export type ApiCall = {
  params?: Record<string, string>;
  query?: Record<string, string> | string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, for malformed bodies. */
  rawBody?: string;
  method?: string;
  /**
   * The Authorization header: a bearer token by default a company Admin's for
   * params.companyId; null sends none; a string is sent as the bearer token.
   */
  token?: string | null;
  /** Extra request headers (cookies, origin). */
  headers?: Record<string, string>;
};

export type ApiResult = { status: number; body: unknown };

/** Calls a route handler the way Next.js does, without a server. */
export async function callApi(handler: RouteHandler, call: ApiCall = {}): Promise<ApiResult> {
  const response = await callApiResponse(handler, call);
  return { status: response.status, body: await response.json() };
}

/** callApi's request, answered with the whole response (headers included). */
export async function callApiResponse(
  handler: RouteHandler,
  { params = {}, query, body, rawBody, method, token, headers = {} }: ApiCall = {},
): Promise<Response> {
  const url = new URL("http://rollcall.test/api/v1/");
  if (query !== undefined) url.search = new URLSearchParams(query).toString();
  const text = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  const bearer = token === undefined ? (params.companyId ? await adminToken(params.companyId) : null) : token;
  const request = new Request(url, {
    method: method ?? (text === undefined ? "GET" : "POST"),
    body: text,
    headers: {
      ...(text === undefined ? {} : { "content-type": "application/json" }),
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...headers,
    },
  });
  return handler(request, { params: Promise.resolve(params) as Promise<never> });
}

/** Asserts a success and returns the body, parsed with the endpoint's response schema. */
export function expectSuccess<S extends z.ZodType>(result: ApiResult, schema: S, status = 200): z.output<S> {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  return schema.parse(result.body);
}

/** Asserts the error shape, status and code; returns the error. */
export function expectError(result: ApiResult, status: number, code: ErrorCode) {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  const { error } = errorSchema.parse(result.body);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}

/** Everything a company owns that a request could change, its history included, in a stable order. */
export async function companySnapshot(prisma: PrismaClient, companyId: string) {
  const where = { companyId };
  const orderBy = { id: "asc" } as const;
  const [
    contacts,
    memberships,
    projects,
    vendors,
    crewMembers,
    batches,
    events,
    idempotencyKeys,
    vendorEvents,
    dismissals,
  ] = await Promise.all([
    prisma.contact.findMany({ where, orderBy }),
    prisma.projectContact.findMany({ where, orderBy }),
    prisma.project.findMany({ where, orderBy }),
    prisma.vendor.findMany({ where, orderBy }),
    prisma.crewMember.findMany({ where, orderBy }),
    prisma.changeBatch.findMany({ where, orderBy }),
    prisma.contactEvent.findMany({ where, orderBy }),
    prisma.idempotencyKey.findMany({ where, orderBy: { key: "asc" } }),
    prisma.vendorEvent.findMany({ where, orderBy }),
    prisma.contactDuplicateDismissal.findMany({ where, orderBy }),
  ]);
  return {
    contacts,
    memberships,
    projects,
    vendors,
    crewMembers,
    batches,
    events,
    idempotencyKeys,
    vendorEvents,
    dismissals,
  };
}
