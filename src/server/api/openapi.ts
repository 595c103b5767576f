import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";
import { MAX_BULK_CONTACTS } from "@/shared/directory-query";
import { endpoints, type Endpoint } from "./endpoints";
import { MAX_BODY_BYTES } from "./request";
import { errorSchema, pathParams, type PathParam } from "./schemas";

const errorContent = { "application/json": { schema: errorSchema } };

/** The error responses the route wrapper can give for this endpoint, from what it parses. */
function errorResponses(endpoint: Endpoint, params: PathParam[]): ZodOpenApiResponsesObject {
  const idsField =
    endpoint.body instanceof z.ZodObject
      ? (["contactIds", "vendorIds"] as const).find((f) => f in (endpoint.body as z.ZodObject).shape)
      : undefined;
  const takesIds = Boolean(idsField);
  return {
    400: {
      description:
        "The query string or body is not valid: validation_error (every problem in details, unknown keys included), invalid_json, or invalid.",
      content: errorContent,
    },
    401: {
      description:
        "unauthorized: no session cookie or API token, or the token is not valid (revoked tokens stop working at once).",
      content: errorContent,
    },
    ...(endpoint.access && {
      403: {
        description:
          "forbidden: the caller's Directory permission does not allow this (or a session cookie was sent from another site).",
        content: errorContent,
      },
    }),
    ...(params.length && {
      404: {
        description:
          "An id in the path (or in the body) names nothing in this company; a malformed id is treated as unknown.",
        content: errorContent,
      },
    }),
    ...(endpoint.conflict && { 409: { description: `conflict: ${endpoint.conflict}`, content: errorContent } }),
    ...(endpoint.rateLimited && {
      429: { description: `rate_limited: ${endpoint.rateLimited}`, content: errorContent },
    }),
    ...(endpoint.body && {
      413: {
        description: [
          takesIds &&
            `too_many_ids: more than ${MAX_BULK_CONTACTS.toLocaleString("en-US")} ${idsField}; split them into batches.`,
          `body_too_large: a body over ${(endpoint.multipart?.maxBytes ?? MAX_BODY_BYTES) / 1024 / 1024} MB.`,
        ]
          .filter(Boolean)
          .join(" "),
        content: errorContent,
      },
    }),
    ...(endpoint.multipart && {
      422: {
        description:
          "validation_error: the file cannot be imported as sent (not a spreadsheet, empty, too many rows or columns, no name column mapped) or rows are invalid; details.rows lists { row, column, message }. Nothing was imported.",
        content: errorContent,
      },
    }),
    500: { description: "internal_error: something failed on the server; nothing was changed.", content: errorContent },
    503: {
      description:
        "database_unavailable: the database cannot be reached right now; nothing was changed. Retry after the seconds in Retry-After.",
      headers: { "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } } },
      content: errorContent,
    },
  };
}

function operation(operationId: string, endpoint: Endpoint): ZodOpenApiOperationObject {
  const params = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as PathParam);
  return {
    operationId,
    summary: endpoint.summary,
    ...(endpoint.description && { description: endpoint.description }),
    requestParams: {
      ...(params.length && { path: z.object(Object.fromEntries(params.map((p) => [p, pathParams[p]]))) }),
      ...(endpoint.query && { query: endpoint.query }),
      ...(endpoint.idempotent && {
        header: z.object({
          "Idempotency-Key": z.string().max(255).optional().meta({
            description:
              "Any unique string (a UUID, say). A retry with the same key within 24 hours gets the first answer and changes nothing; the same key with another request is refused (400).",
          }),
        }),
      }),
    },
    ...(endpoint.body && {
      requestBody: {
        required: true,
        content: { [endpoint.multipart ? "multipart/form-data" : "application/json"]: { schema: endpoint.body } },
      },
    }),
    responses: {
      [endpoint.status]: {
        description: endpoint.summary,
        content: { "application/json": { schema: endpoint.response } },
      },
      ...errorResponses(endpoint, params),
    },
  };
}

const paths: ZodOpenApiPathsObject = {
  "/openapi.json": {
    get: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      responses: {
        200: {
          description: "The OpenAPI 3.1 document of this API.",
          content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
        },
      },
    },
  },
};
for (const [operationId, endpoint] of Object.entries(endpoints)) {
  paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method]: operation(operationId, endpoint) };
}

/** The OpenAPI 3.1 document of the JSON API v1, built from the same schemas the handlers parse with. */
export const openApiDocument = createDocument({
  openapi: "3.1.0",
  info: {
    title: "Rollcall API",
    version: "1.0.0",
    description:
      "The company directory's contacts, projects and vendors. Every error is answered as { error: { code, message, details } }.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ apiToken: [] }, { sessionCookie: [] }],
  components: {
    securitySchemes: {
      apiToken: {
        type: "http",
        scheme: "bearer",
        description: "A personal API token, created in Settings → API tokens.",
      },
      sessionCookie: {
        type: "apiKey",
        in: "cookie",
        name: "rollcall.session_token",
        description: "The browser session (same-site requests only for changes).",
      },
    },
  },
  paths,
});
