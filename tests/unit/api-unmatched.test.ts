import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { proxy } from "@/proxy";
import { endpoints } from "@/server/api/endpoints";
import { errorSchema } from "@/server/api/schemas";

const sample = (path: string) => path.replace(/\{\w+\}/g, "6f9619ff-8b86-4011-b42d-00c04fc964ff");
const send = (method: string, path: string) => proxy(new NextRequest(`http://rollcall.test${path}`, { method }));

/** True when the request goes on to a route handler. */
const passesThrough = (response: Response) => response.headers.get("x-middleware-next") === "1";

describe("/api/v1 requests no route handler takes", () => {
  test.each(["/api/v1/nothing", "/api/v1/companies/x/nothing/here", "/api/v1", "/api/v1/companies/x/contacts/y/z"])(
    "%s → JSON 404 in the error shape",
    async (path) => {
      const response = send("GET", path);
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(errorSchema.parse(await response.json()).error.code).toBe("not_found");
    },
  );

  test("a path with a method it does not take → JSON 405 naming the methods it does", async () => {
    const response = send("DELETE", "/api/v1/companies");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    const { error } = errorSchema.parse(await response.json());
    expect(error).toMatchObject({
      code: "method_not_allowed",
      message: "/api/v1/companies does not take DELETE; it takes GET, HEAD, OPTIONS.",
    });
    expect(send("PUT", sample("/api/v1/companies/{companyId}/contacts/{contactId}")).status).toBe(405);
  });

  test.each(Object.values(endpoints).map((e) => [e.method.toUpperCase(), e.path] as const))(
    "%s %s goes on to its handler, with or without a session",
    (method, path) => {
      expect(passesThrough(send(method, `/api/v1${sample(path)}`))).toBe(true);
    },
  );

  test("the OpenAPI document and Better Auth's own routes go on too", () => {
    expect(passesThrough(send("GET", "/api/v1/openapi.json"))).toBe(true);
    expect(passesThrough(send("POST", "/api/auth/sign-in/email"))).toBe(true);
  });
});
