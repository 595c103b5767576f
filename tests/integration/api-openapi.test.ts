import { validate } from "@readme/openapi-parser";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { OpenAPIV3_1 } from "openapi-types";
import { describe, expect, test } from "vitest";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import { openApiDocument } from "@/server/api/openapi";

const API_DIR = path.resolve(import.meta.dirname, "../../src/app/api/v1");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** "METHOD /path/{param}" for every handler a route.ts under src/app/api/v1 exports. */
async function routeHandlers(): Promise<string[]> {
  const files = (await readdir(API_DIR, { recursive: true })).filter((f) => path.basename(f) === "route.ts");
  const handlers = await Promise.all(
    files.map(async (file) => {
      const exports = (await import(/* @vite-ignore */ path.join(API_DIR, file))) as Record<string, unknown>;
      const dir = path.dirname(file) === "." ? "" : path.dirname(file);
      const route = `/${dir
        .split(path.sep)
        .map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))
        .join("/")}`;
      return HTTP_METHODS.filter((m) => typeof exports[m] === "function").map((m) => `${m} ${route}`);
    }),
  );
  return handlers.flat().sort();
}

const document = openApiDocument as OpenAPIV3_1.Document;
const operations = Object.entries(document.paths ?? {}).flatMap(([route, item]) =>
  HTTP_METHODS.flatMap((m) => {
    const operation = item?.[m.toLowerCase() as Lowercase<typeof m>];
    return operation ? [{ key: `${m} ${route}`, route, operation }] : [];
  }),
);

describe("the OpenAPI document", () => {
  test("is a valid OpenAPI 3.1 document", async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const result = await validate(structuredClone(document));
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  test("describes exactly the route handlers under src/app/api/v1", async () => {
    expect(operations.map((o) => o.key).sort()).toEqual(await routeHandlers());
  });

  test("gives every API operation its error responses, in the one error shape", () => {
    for (const { key, route, operation } of operations) {
      if (route === "/openapi.json") continue;
      const statuses = Object.keys(operation.responses ?? {});
      expect(statuses, key).toEqual(expect.arrayContaining(["400", "500"]));
      if (route.includes("{")) expect(statuses, key).toContain("404");
      if (operation.requestBody) expect(statuses, key).toContain("413");
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const response = operation.responses?.[status] as OpenAPIV3_1.ResponseObject;
        expect(response.content?.["application/json"]?.schema, `${key} ${status}`).toEqual({
          $ref: "#/components/schemas/Error",
        });
      }
    }
  });

  test("is served at GET /api/v1/openapi.json", async () => {
    const response = openApiRoute.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });
});
