import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as undoRoute from "@/app/api/v1/companies/[companyId]/batches/[batchId]/undo/route";
import * as inactivateRoute from "@/app/api/v1/companies/[companyId]/contacts/bulk_inactivate/route";
import * as contactRoute from "@/app/api/v1/companies/[companyId]/contacts/[contactId]/route";
import * as dismissRoute from "@/app/api/v1/companies/[companyId]/contacts/duplicates/[groupId]/dismiss/route";
import * as duplicatesRoute from "@/app/api/v1/companies/[companyId]/contacts/duplicates/route";
import * as mergeRoute from "@/app/api/v1/companies/[companyId]/contacts/merge/route";
import {
  bulkResultSchema,
  contactDetailSchema,
  dismissResultSchema,
  duplicateGroupPageSchema,
  mergeResultSchema,
  undoResultSchema,
} from "@/server/api/schemas";
import type { Database } from "@/server/db/open-database";
import {
  callApi,
  closeApiTestDatabase,
  companySnapshot,
  expectError,
  expectSuccess,
  openApiTestDatabase,
} from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject, createUserWithToken } from "../helpers/factories";

describe.each(TEST_DATABASES)("duplicates and merge API on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
  });
  afterAll(() => closeApiTestDatabase(db));

  async function pair() {
    const { id: companyId } = await createCompany(db.prisma);
    const p = await createProject(db.prisma, companyId);
    const a = await createContact(db.prisma, companyId, {
      firstName: "María",
      lastName: "López",
      email: "maria@example.com",
      projects: { [p.id]: "ACTIVE" },
    });
    const b = await createContact(db.prisma, companyId, {
      firstName: "Maria",
      lastName: "Lopez",
      email: "MARIA@example.com",
    });
    return { companyId, projectId: p.id, a, b };
  }
  const list = (companyId: string, query: Record<string, string> = {}, token?: string) =>
    callApi(duplicatesRoute.GET, { params: { companyId }, query, token });
  const merge = (companyId: string, body: unknown, headers: Record<string, string> = {}) =>
    callApi(mergeRoute.POST, { params: { companyId }, body, headers });

  test("lists groups with their contacts and reasons, filters by reason, and dismisses one", async () => {
    const { companyId, a, b } = await pair();
    const page = expectSuccess(await list(companyId), duplicateGroupPageSchema);
    expect(page).toMatchObject({ page: 1, perPage: 25, total: 1 });
    expect(page.data[0]!.reasons).toEqual(["same_email", "same_name"]);
    expect(page.data[0]!.contacts.map((c) => c.id)).toEqual([a.id, b.id]);
    expect(expectSuccess(await list(companyId, { reason: "same_phone" }), duplicateGroupPageSchema).total).toBe(0);
    expectError(await list(companyId, { reason: "same_hat" }), 400, "validation_error");

    const groupId = page.data[0]!.id;
    const dismissed = await callApi(dismissRoute.POST, {
      params: { companyId, groupId: groupId.toUpperCase() },
      body: {},
    });
    expect(expectSuccess(dismissed, dismissResultSchema)).toEqual({ id: groupId, dismissed: true });
    expect(expectSuccess(await list(companyId), duplicateGroupPageSchema).total).toBe(0);
    expectError(await callApi(dismissRoute.POST, { params: { companyId, groupId }, body: {} }), 404, "not_found");
  });

  test("only company Directory admins see duplicates and merge", async () => {
    const { companyId, a, b } = await pair();
    const { token } = await createUserWithToken(db.prisma, companyId, "STANDARD");
    expectError(await list(companyId, {}, token), 403, "forbidden");
    const before = await companySnapshot(db.prisma, companyId);
    expectError(
      await callApi(mergeRoute.POST, { params: { companyId }, body: { keepId: a.id, mergeIds: [b.id] }, token }),
      403,
      "forbidden",
    );
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
  });

  test("merges once per Idempotency-Key; the merged contact reads as merged; bulk skips it; undo takes it back", async () => {
    const { companyId, a, b } = await pair();
    const body = { keepId: a.id.toUpperCase(), mergeIds: [b.id], fields: { firstName: b.id }, reason: "One person" };
    const key = { "idempotency-key": randomUUID() };
    const merged = expectSuccess(await merge(companyId, body, key), mergeResultSchema);
    expect(merged.contact).toMatchObject({ id: a.id, firstName: "Maria", lastName: "López", status: "active" });
    expect(expectSuccess(await merge(companyId, body, key), mergeResultSchema)).toEqual(merged);

    const old = expectSuccess(
      await callApi(contactRoute.GET, { params: { companyId, contactId: b.id } }),
      contactDetailSchema,
    );
    expect(old).toMatchObject({ status: "merged", mergedIntoId: a.id });
    const bulk = expectSuccess(
      await callApi(inactivateRoute.POST, { params: { companyId }, body: { contactIds: [b.id] } }),
      bulkResultSchema,
    );
    expect(bulk.skipped).toEqual([{ id: b.id, reason: "merged" }]);

    expectSuccess(
      await callApi(undoRoute.POST, { params: { companyId, batchId: merged.batchId }, body: {} }),
      undoResultSchema,
    );
    const back = expectSuccess(
      await callApi(contactRoute.GET, { params: { companyId, contactId: b.id } }),
      contactDetailSchema,
    );
    expect(back).toMatchObject({ status: "active", mergedIntoId: null });
    expectError(
      await callApi(undoRoute.POST, { params: { companyId, batchId: merged.batchId }, body: {} }),
      409,
      "conflict",
    );
  });

  test("bad merges are answered 4xx and change nothing", async () => {
    const { companyId, a, b } = await pair();
    const other = await pair();
    const before = await companySnapshot(db.prisma, companyId);
    const tooMany = Array.from({ length: 10 }, () => randomUUID());
    for (const [body, status] of [
      [{ keepId: a.id, mergeIds: [a.id] }, 400],
      [{ keepId: a.id, mergeIds: [b.id, b.id.toUpperCase()] }, 400],
      [{ keepId: a.id, mergeIds: [] }, 400],
      [{ keepId: a.id, mergeIds: tooMany }, 400],
      [{ keepId: a.id, mergeIds: [b.id], fields: { email: other.a.id } }, 400],
      [{ keepId: a.id, mergeIds: [b.id], fields: { shoeSize: b.id } }, 400],
      [{ keepId: a.id, mergeIds: [other.b.id] }, 404],
      [{ keepId: "not-an-id", mergeIds: [b.id] }, 400],
    ] as const) {
      const result = await merge(companyId, body);
      expect(result.status, JSON.stringify(body)).toBe(status);
    }
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
    expectSuccess(await merge(companyId, { keepId: a.id, mergeIds: [b.id] }), mergeResultSchema);
    const third = await createContact(db.prisma, companyId);
    expectError(await merge(companyId, { keepId: third.id, mergeIds: [b.id] }), 409, "conflict");
  });
});
