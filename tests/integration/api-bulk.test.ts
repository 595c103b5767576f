import { Writable } from "node:stream";
import { createLogger, provideLogger } from "@/server/log/logger";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as inactivateRoute from "@/app/api/v1/companies/[companyId]/contacts/bulk_inactivate/route";
import * as reactivateRoute from "@/app/api/v1/companies/[companyId]/contacts/bulk_reactivate/route";
import { bulkResultSchema } from "@/server/api/schemas";
import type { Database } from "@/server/db/open-database";
import {
  adminToken,
  callApi,
  closeApiTestDatabase,
  companySnapshot,
  expectError,
  expectSuccess,
  openApiTestDatabase,
} from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject, membershipStatuses } from "../helpers/factories";

describe.each(TEST_DATABASES)("bulk inactivate and reactivate API on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
  });
  afterAll(() => closeApiTestDatabase(db));

  async function company() {
    const c = await createCompany(db.prisma);
    const projects = await Promise.all([1, 2].map((n) => createProject(db.prisma, c.id, `Site ${n}`)));
    return { companyId: c.id, p: projects.map((p) => p.id) as [string, string] };
  }

  /** As a company Admin of companyId, unless another token is given. */
  const inactivate = (companyId: string, body: unknown, token?: string) =>
    callApi(inactivateRoute.POST, { params: { companyId }, body, token });
  const reactivate = (companyId: string, body: unknown, token?: string) =>
    callApi(reactivateRoute.POST, { params: { companyId }, body, token });

  test("inactivates contacts on every project, reports skips, and reactivation brings them back", async () => {
    const { companyId, p } = await company();
    const other = await company();
    const a = await createContact(db.prisma, companyId, { projects: { [p[0]]: "ACTIVE", [p[1]]: "REMOVED" } });
    const b = await createContact(db.prisma, companyId, { projects: { [p[1]]: "ACTIVE" } });
    const already = await createContact(db.prisma, companyId, { status: "INACTIVE" });
    const foreign = await createContact(db.prisma, other.companyId);
    const unknown = randomUUID();

    const result = expectSuccess(
      await inactivate(companyId, {
        contactIds: [a.id, b.id.toUpperCase(), b.id, already.id, foreign.id, unknown],
        reason: " Season ended ",
      }),
      bulkResultSchema,
    );
    expect(result).toEqual({
      batchId: expect.any(String),
      changed: 2,
      skipped: [
        { id: already.id, reason: "already inactive" },
        { id: foreign.id, reason: "not found" },
        { id: unknown, reason: "not found" },
      ],
      projectsAffected: 2,
    });
    expect(await membershipStatuses(db.prisma, a)).toEqual({ [p[0]]: "INACTIVE", [p[1]]: "REMOVED" });
    expect(
      (
        await db.prisma.contact.findUniqueOrThrow({
          where: { companyId_id: { companyId: foreign.companyId, id: foreign.id } },
        })
      ).status,
    ).toBe("ACTIVE");

    const back = expectSuccess(await reactivate(companyId, { contactIds: [a.id, b.id] }), bulkResultSchema);
    expect(back).toEqual({ batchId: expect.any(String), changed: 2, skipped: [], projectsAffected: 2 });
    expect(await membershipStatuses(db.prisma, a)).toEqual({ [p[0]]: "ACTIVE", [p[1]]: "REMOVED" });
    const again = expectSuccess(await reactivate(companyId, { contactIds: [a.id] }), bulkResultSchema);
    expect(again).toEqual({
      batchId: null,
      changed: 0,
      skipped: [{ id: a.id, reason: "already active" }],
      projectsAffected: 0,
    });
  });

  test("accepts exactly 10,000 ids", async () => {
    const { companyId } = await company();
    const contact = await createContact(db.prisma, companyId);
    const ids = [contact.id, ...Array.from({ length: 9_999 }, () => randomUUID())];
    const result = expectSuccess(await inactivate(companyId, { contactIds: ids }), bulkResultSchema);
    expect(result.changed).toBe(1);
    expect(result.skipped).toHaveLength(9_999);
  });

  test.each([
    ["inactivate", inactivate],
    ["reactivate", reactivate],
  ])("%s: a request with any bad part changes nothing", async (_, send) => {
    const { companyId, p } = await company();
    const active = await createContact(db.prisma, companyId, { projects: { [p[0]]: "ACTIVE" } });
    const inactive = await createContact(db.prisma, companyId, {
      status: "INACTIVE",
      projects: { [p[1]]: "INACTIVE" },
    });
    const ids = [active.id, inactive.id];
    const before = await companySnapshot(db.prisma, companyId);

    const badId = expectError(await send(companyId, { contactIds: [...ids, "not-an-id"] }), 400, "validation_error");
    expect(badId.details).toEqual([{ path: "contactIds.2", message: "Each contact id must be a UUID." }]);
    expectError(await send(companyId, { contactIds: ids, companyId }), 400, "validation_error");
    expectError(await send(companyId, { contactIds: ids, reason: "x".repeat(501) }), 400, "validation_error");
    expectError(await send(companyId, { contactIds: [] }), 400, "validation_error");
    expectError(await send(companyId, { contactIds: ids.join(",") }), 400, "validation_error");
    expectError(await send(companyId, {}), 400, "validation_error");
    const tooMany = expectError(
      await send(companyId, { contactIds: [...ids, ...Array.from({ length: 9_999 }, () => randomUUID())] }),
      413,
      "too_many_ids",
    );
    expect(tooMany.message).toContain("10,000");
    const huge = JSON.stringify({ contactIds: ids, reason: "x".repeat(2 * 1024 * 1024) });
    expectError(await callApi(inactivateRoute.POST, { params: { companyId }, rawBody: huge }), 413, "body_too_large");
    expectError(
      await callApi(inactivateRoute.POST, { params: { companyId }, rawBody: `{"contactIds": ["${ids[0]}"]` }),
      400,
      "invalid_json",
    );
    expectError(await send(randomUUID(), { contactIds: ids }, await adminToken(companyId)), 404, "not_found");
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
  });

  test("a database failure answers 500 without its details, logs it, and rolls back", async () => {
    const { companyId, p } = await company();
    const contacts = await Promise.all(
      [0, 1].map(() => createContact(db.prisma, companyId, { status: "INACTIVE", projects: { [p[0]]: "INACTIVE" } })),
    );
    const before = await companySnapshot(db.prisma, companyId);
    // A real fault inside the database, after the contacts have been flipped, for this company only.
    const fn = `fail_${companyId.replaceAll("-", "")}`;
    await db.sql.exec(`
      CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."companyId" = '${companyId}' THEN RAISE EXCEPTION 'injected fault: secret detail'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ${fn} BEFORE UPDATE ON "ProjectContact" FOR EACH ROW EXECUTE FUNCTION ${fn}();`);
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
      const result = await reactivate(companyId, { contactIds: contacts.map((c) => c.id) });
      const error = expectError(result, 500, "internal_error");
      expect(error.details).toBeNull();
      expect(JSON.stringify(result.body)).not.toMatch(/injected|secret|ProjectContact/);
      // The operator's log has what the caller is not shown: one error line, with the cause.
      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0]!) as { level: string; msg: string; err: { message: string } };
      expect(line).toMatchObject({ level: "error", msg: "API request failed" });
      expect(line.err.message).toMatch(/injected fault/);
    } finally {
      provideLogger(undefined);
      await db.sql.exec(`DROP TRIGGER ${fn} ON "ProjectContact"; DROP FUNCTION ${fn}();`);
    }
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
  });
});
