import { Writable } from "node:stream";
import { createLogger, provideLogger } from "@/server/log/logger";
import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { bulkContactsInputSchema } from "@/shared/bulk-selection";
import { ApiError, errorResponse, invalidInput } from "@/server/api/errors";
import { MAX_BODY_BYTES, findNul, parseBody, parseQuery } from "@/server/api/request";
import { errorSchema } from "@/server/api/schemas";
import { DomainError } from "@/server/errors";

async function errorOf(response: Response) {
  return { status: response.status, ...errorSchema.parse(await response.json()).error };
}

async function thrown(promise: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
}

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://rollcall.test/", { method: "POST", body, headers });

describe("errorResponse", () => {
  test("maps domain errors to 404, 409 and 400, keeping their message and details", async () => {
    expect(await errorOf(errorResponse(new DomainError("not_found", "Project not found.")))).toEqual({
      status: 404,
      code: "not_found",
      message: "Project not found.",
      details: null,
    });
    expect(await errorOf(errorResponse(new DomainError("conflict", "Name taken.", { field: "name" })))).toMatchObject({
      status: 409,
      details: { field: "name" },
    });
    expect((await errorOf(errorResponse(new DomainError("invalid", "No.")))).status).toBe(400);
  });

  test("answers anything else with a generic 500 naming the request, and logs the error instead of showing it", async () => {
    const lines: string[] = [];
    provideLogger(
      createLogger(
        new Writable({
          write(chunk, _encoding, done) {
            lines.push(String(chunk));
            done();
          },
        }),
      ),
    );
    try {
      const secret = new Error('relation "Contact" does not exist');
      const response = errorResponse(secret, "req-42-abcdef");
      const body = (await response.clone().json()) as { error: { requestId?: string; message: string } };
      const error = await errorOf(response);
      expect(error).toMatchObject({ status: 500, code: "internal_error", details: null });
      expect(error.message).not.toContain("Contact");
      expect(body.error.requestId).toBe("req-42-abcdef");
      expect(body.error.message).toContain("req-42-abcdef");
      expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
        expect.objectContaining({
          level: "error",
          requestId: "req-42-abcdef",
          err: expect.objectContaining({ message: secret.message }),
        }),
      ]);
    } finally {
      provideLogger(undefined);
    }
  });

  test("never names the request on a 4xx: the caller can act on the message itself", async () => {
    const response = errorResponse(new DomainError("not_found", "Project not found."), "req-43-abcdef");
    expect(((await response.json()) as { error: Record<string, unknown> }).error).not.toHaveProperty("requestId");
  });
});

describe("invalidInput", () => {
  test("lists every problem, one per unknown key, and sums them up in the message", () => {
    const schema = z.strictObject({
      firstName: z.string({ error: "Enter a first name." }),
      age: z.number({ error: "age must be a number." }),
    });
    const result = schema.safeParse({ age: "x", role: 1, team: 2 });
    const error = invalidInput("request body", result.error!.issues);
    expect(error.status).toBe(400);
    expect(error.details).toEqual([
      { path: "firstName", message: "Enter a first name." },
      { path: "age", message: "age must be a number." },
      { path: "role", message: 'Unknown field "role": leave it out.' },
      { path: "team", message: 'Unknown field "team": leave it out.' },
    ]);
    expect(error.message).toBe(
      "Check the request body: firstName: Enter a first name. (and 3 more problems, see details)",
    );
  });

  test("answers more than 10,000 contact ids with 413 too_many_ids", () => {
    const ids = Array.from({ length: 10_001 }, () => randomUUID());
    const result = bulkContactsInputSchema.safeParse({ companyId: randomUUID(), contactIds: ids });
    const error = invalidInput("request body", result.error!.issues);
    expect(error).toMatchObject({ status: 413, code: "too_many_ids" });
  });
});

describe("request parsing", () => {
  const query = z.strictObject({ q: z.string().optional(), page: z.coerce.number().optional() });

  test("refuses repeated and unknown query keys", async () => {
    expect(parseQuery(query, new URLSearchParams("q=a&page=2"))).toEqual({ q: "a", page: 2 });
    expect((await thrown(() => parseQuery(query, new URLSearchParams("q=a&q=b")))).details).toEqual([
      { path: "q", message: "Give q only once." },
    ]);
    expect((await thrown(() => parseQuery(query, new URLSearchParams("sort=x")))).code).toBe("validation_error");
  });

  test("refuses empty, malformed and oversized bodies before parsing them", async () => {
    const body = z.strictObject({ a: z.number() });
    expect(await parseBody(body, post('{"a": 1}'))).toEqual({ a: 1 });
    expect((await thrown(parseBody(body, post("")))).code).toBe("invalid_json");
    expect((await thrown(parseBody(body, post("{a: 1}")))).message).toMatch(/^The request body is not valid JSON/);
    expect((await thrown(parseBody(body, post("{}", { "content-length": String(MAX_BODY_BYTES + 1) })))).code).toBe(
      "body_too_large",
    );
    expect((await thrown(parseBody(body, post(`"${"x".repeat(MAX_BODY_BYTES)}"`)))).code).toBe("body_too_large");
  });

  test("refuses U+0000 anywhere in the input, naming where", async () => {
    const body = z.strictObject({ names: z.array(z.string()) });
    const error = await thrown(parseBody(body, post('{"names": ["ok", "a\\u0000b"]}')));
    expect(error.details).toEqual([{ path: "names.1", message: expect.stringContaining("NUL") }]);
  });
});

describe("findNul", () => {
  test("finds U+0000 in nested values and in keys", () => {
    expect(findNul({ a: [1, { b: "x\u0000" }] })).toEqual(["a", 1, "b"]);
    expect(findNul({ "k\u0000": 1 })).toEqual(["k\u0000"]);
    expect(findNul({ a: ["fine", null, 3] })).toBeNull();
  });

  test("walks nesting deeper than the call stack", () => {
    const depth = 200_000;
    const deep = JSON.parse(`${"[".repeat(depth)}"\\u0000"${"]".repeat(depth)}`) as unknown;
    expect(findNul(deep)).toHaveLength(depth);
  });
});
