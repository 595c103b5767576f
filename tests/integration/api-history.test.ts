import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as undoRoute from "@/app/api/v1/companies/[companyId]/batches/[batchId]/undo/route";
import * as inactivateRoute from "@/app/api/v1/companies/[companyId]/contacts/bulk_inactivate/route";
import * as reactivateRoute from "@/app/api/v1/companies/[companyId]/contacts/bulk_reactivate/route";
import * as contactHistoryRoute from "@/app/api/v1/companies/[companyId]/contacts/[contactId]/history/route";
import * as contactRoute from "@/app/api/v1/companies/[companyId]/contacts/[contactId]/route";
import * as companyHistoryRoute from "@/app/api/v1/companies/[companyId]/history/route";
import * as bulkRemoveRoute from "@/app/api/v1/companies/[companyId]/projects/[projectId]/contacts/bulk_remove/route";
import {
  bulkResultSchema,
  historyItemSchema,
  historyPageSchema,
  listOf,
  removeContactsResultSchema,
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
import {
  createCompany,
  createContact,
  createProject,
  createUserWithToken,
  membershipStatuses,
} from "../helpers/factories";

describe.each(TEST_DATABASES)("history, undo and Idempotency-Key API on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
  });
  afterAll(() => closeApiTestDatabase(db));

  async function company() {
    const c = await createCompany(db.prisma);
    const projects = await Promise.all([1, 2].map((n) => createProject(db.prisma, c.id, `Site ${n}`)));
    const admin = await createUserWithToken(db.prisma, c.id, "ADMIN");
    return { companyId: c.id, p: projects.map((p) => p.id) as [string, string], admin };
  }

  const inactivate = (companyId: string, body: unknown, token: string, headers: Record<string, string> = {}) =>
    callApi(inactivateRoute.POST, { params: { companyId }, body, token, headers });

  test("a reactivation with a reason shows in the contact's history and the company's, with who and which projects", async () => {
    const { companyId, p, admin } = await company();
    const contact = await createContact(db.prisma, companyId, {
      firstName: "Rosa",
      lastName: "Diaz",
      status: "INACTIVE",
      projects: { [p[0]]: "INACTIVE" },
    });
    const { batchId } = expectSuccess(
      await callApi(reactivateRoute.POST, {
        params: { companyId },
        body: { contactIds: [contact.id], reason: "Back for phase 2" },
        token: admin.token,
      }),
      bulkResultSchema,
    );
    expect(batchId).toEqual(expect.any(String));

    const { data } = expectSuccess(
      await callApi(contactHistoryRoute.GET, { params: { companyId, contactId: contact.id }, token: admin.token }),
      listOf(historyItemSchema),
    );
    expect(data).toEqual([
      {
        id: expect.any(String),
        action: "contact.reactivated",
        at: expect.any(String),
        actor: { id: admin.user.id, name: admin.user.name, email: admin.user.email },
        batchId,
        reason: "Back for phase 2",
        projectIds: [p[0]],
        changes: { status: { from: "INACTIVE", to: "ACTIVE" } },
        contact: { id: contact.id, name: "Rosa Diaz" },
      },
    ]);
    const page = expectSuccess(
      await callApi(companyHistoryRoute.GET, { params: { companyId }, token: admin.token }),
      historyPageSchema,
    );
    expect(page).toMatchObject({ page: 1, perPage: 50, total: 1, data: [{ batchId, action: "contact.reactivated" }] });
  });

  test("the company history filters by action, person and day, and pages", async () => {
    const { companyId, p, admin } = await company();
    const other = await createUserWithToken(db.prisma, companyId, "ADMIN");
    const contacts = await Promise.all(
      [0, 1, 2].map(() => createContact(db.prisma, companyId, { projects: { [p[0]]: "ACTIVE" } })),
    );
    await inactivate(companyId, { contactIds: contacts.map((c) => c.id) }, admin.token);
    await callApi(reactivateRoute.POST, {
      params: { companyId },
      body: { contactIds: [contacts[0]!.id] },
      token: other.token,
    });
    await callApi(contactRoute.PATCH, {
      params: { companyId, contactId: contacts[1]!.id },
      method: "PATCH",
      body: { jobTitle: "Foreman" },
      token: admin.token,
    });
    const get = (query: Record<string, string>) =>
      callApi(companyHistoryRoute.GET, { params: { companyId }, query, token: admin.token }).then((r) =>
        expectSuccess(r, historyPageSchema),
      );

    expect((await get({})).total).toBe(5);
    expect(
      (await get({ action: "contact.inactivated" })).data.map((i) => ("contact" in i ? i.contact.id : null)).sort(),
    ).toEqual(contacts.map((c) => c.id).sort());
    expect((await get({ actorId: other.user.id })).data.map((i) => i.action)).toEqual(["contact.reactivated"]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await get({ from: today, to: today })).total).toBe(5);
    expect((await get({ to: "2020-01-01" })).total).toBe(0);
    const [first, second] = [await get({ perPage: "2", page: "1" }), await get({ perPage: "2", page: "2" })];
    expect(first.data[0]!.action).toBe("contact.updated");
    expect(first.total).toBe(5);
    expect(new Set([...first.data, ...second.data].map((i) => i.id)).size).toBe(4);

    expectError(
      await callApi(companyHistoryRoute.GET, {
        params: { companyId },
        query: { action: "deleted" },
        token: admin.token,
      }),
      400,
      "validation_error",
    );
    expectError(
      await callApi(companyHistoryRoute.GET, {
        params: { companyId },
        query: { from: "2026-12-02", to: "2026-12-01" },
        token: admin.token,
      }),
      400,
      "validation_error",
    );
  });

  test("history is for those who may see it: Standard users get 403 for the company's, and for an inactive contact's", async () => {
    const { companyId, admin } = await company();
    const standard = await createUserWithToken(db.prisma, companyId, "STANDARD");
    const inactive = await createContact(db.prisma, companyId, { status: "INACTIVE" });
    const active = await createContact(db.prisma, companyId);
    expectError(
      await callApi(companyHistoryRoute.GET, { params: { companyId }, token: standard.token }),
      403,
      "forbidden",
    );
    expectError(
      await callApi(contactHistoryRoute.GET, { params: { companyId, contactId: inactive.id }, token: standard.token }),
      403,
      "forbidden",
    );
    expectSuccess(
      await callApi(contactHistoryRoute.GET, { params: { companyId, contactId: active.id }, token: standard.token }),
      listOf(historyItemSchema),
    );
    expectError(
      await callApi(contactHistoryRoute.GET, { params: { companyId, contactId: randomUUID() }, token: admin.token }),
      404,
      "not_found",
    );
  });

  test("undo puts everything back and is audited; a second undo, an unknown batch and another company's are refused", async () => {
    const { companyId, p, admin } = await company();
    const other = await company();
    const a = await createContact(db.prisma, companyId, { projects: { [p[0]]: "ACTIVE", [p[1]]: "REMOVED" } });
    const before = await membershipStatuses(db.prisma, a);
    const { batchId } = expectSuccess(
      await inactivate(companyId, { contactIds: [a.id] }, admin.token),
      bulkResultSchema,
    );

    const undone = expectSuccess(
      await callApi(undoRoute.POST, { params: { companyId, batchId: batchId! }, body: {}, token: admin.token }),
      undoResultSchema,
    );
    expect(undone).toEqual({
      batchId: expect.any(String),
      undoneBatchId: batchId,
      contactIds: [a.id],
      vendorIds: [],
      projectIds: [p[0]],
    });
    expect(await membershipStatuses(db.prisma, a)).toEqual(before);
    expect(
      (await db.prisma.contact.findUniqueOrThrow({ where: { companyId_id: { companyId: a.companyId, id: a.id } } }))
        .status,
    ).toBe("ACTIVE");
    const { data } = expectSuccess(
      await callApi(contactHistoryRoute.GET, { params: { companyId, contactId: a.id }, token: admin.token }),
      listOf(historyItemSchema),
    );
    expect(data.map((i) => i.action)).toEqual(["batch.undone", "contact.inactivated"]);

    expectError(
      await callApi(undoRoute.POST, { params: { companyId, batchId: batchId! }, body: {}, token: admin.token }),
      409,
      "conflict",
    );
    expectError(
      await callApi(undoRoute.POST, { params: { companyId, batchId: randomUUID() }, body: {}, token: admin.token }),
      404,
      "not_found",
    );
    expectError(
      await callApi(undoRoute.POST, {
        params: { companyId: other.companyId, batchId: batchId! },
        body: {},
        token: other.admin.token,
      }),
      404,
      "not_found",
    );
  });

  test("undo answers 409 naming the contacts that changed since, and changes nothing", async () => {
    const { companyId, admin } = await company();
    const a = await createContact(db.prisma, companyId, { firstName: "Lena", lastName: "Park" });
    const b = await createContact(db.prisma, companyId);
    const { batchId } = expectSuccess(
      await inactivate(companyId, { contactIds: [a.id, b.id] }, admin.token),
      bulkResultSchema,
    );
    await callApi(reactivateRoute.POST, { params: { companyId }, body: { contactIds: [a.id] }, token: admin.token });
    const before = await companySnapshot(db.prisma, companyId);
    const error = expectError(
      await callApi(undoRoute.POST, { params: { companyId, batchId: batchId! }, body: {}, token: admin.token }),
      409,
      "conflict",
    );
    expect(error.message).toContain("Lena Park");
    expect(error.details).toEqual({ contacts: [{ id: a.id, name: "Lena Park" }] });
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
  });

  test("undo takes the permission the change took: Standard cannot undo an inactivation; a project admin can undo a removal", async () => {
    const { companyId, p, admin } = await company();
    const standard = await createUserWithToken(db.prisma, companyId, "STANDARD");
    const pm = await createUserWithToken(db.prisma, companyId, "READ_ONLY", { [p[0]]: "ADMIN" });
    const a = await createContact(db.prisma, companyId, { projects: { [p[0]]: "ACTIVE" } });
    const off = expectSuccess(await inactivate(companyId, { contactIds: [a.id] }, admin.token), bulkResultSchema);
    expectError(
      await callApi(undoRoute.POST, { params: { companyId, batchId: off.batchId! }, body: {}, token: standard.token }),
      403,
      "forbidden",
    );
    expectError(
      await callApi(undoRoute.POST, { params: { companyId, batchId: off.batchId! }, body: {}, token: pm.token }),
      403,
      "forbidden",
    );
    expectSuccess(
      await callApi(undoRoute.POST, { params: { companyId, batchId: off.batchId! }, body: {}, token: admin.token }),
      undoResultSchema,
    );

    const removal = expectSuccess(
      await callApi(bulkRemoveRoute.POST, {
        params: { companyId, projectId: p[0] },
        body: { contactIds: [a.id], reason: "Off this job" },
        token: pm.token,
      }),
      removeContactsResultSchema,
    );
    expect(removal).toEqual({ batchId: expect.any(String), removed: [a.id], skipped: [] });
    expect(await membershipStatuses(db.prisma, a)).toEqual({ [p[0]]: "REMOVED" });
    expectSuccess(
      await callApi(undoRoute.POST, { params: { companyId, batchId: removal.batchId! }, body: {}, token: pm.token }),
      undoResultSchema,
    );
    expect(await membershipStatuses(db.prisma, a)).toEqual({ [p[0]]: "ACTIVE" });
  });

  test("a retry with the same Idempotency-Key gets the same answer and changes nothing more; a reused key or a bad one is refused", async () => {
    const { companyId, admin } = await company();
    const a = await createContact(db.prisma, companyId);
    const b = await createContact(db.prisma, companyId);
    const key = { "idempotency-key": randomUUID() };
    const first = await inactivate(companyId, { contactIds: [a.id] }, admin.token, key);
    await db.prisma.contact.update({
      where: { companyId_id: { companyId: a.companyId, id: a.id } },
      data: { jobTitle: "Changed meanwhile" },
    });
    const [second, third] = await Promise.all([
      inactivate(companyId, { contactIds: [a.id] }, admin.token, key),
      inactivate(companyId, { contactIds: [a.id] }, admin.token, key),
    ]);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(expectSuccess(first, bulkResultSchema).changed).toBe(1);
    expect(await db.prisma.changeBatch.count({ where: { companyId } })).toBe(1);

    const before = await companySnapshot(db.prisma, companyId);
    expectError(await inactivate(companyId, { contactIds: [b.id] }, admin.token, key), 400, "invalid");
    expectError(
      await inactivate(companyId, { contactIds: [b.id] }, admin.token, { "idempotency-key": "x".repeat(256) }),
      400,
      "validation_error",
    );
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
    // Keys belong to their user: another admin's same key is a new request.
    const otherAdmin = await createUserWithToken(db.prisma, companyId, "ADMIN");
    expect(
      expectSuccess(await inactivate(companyId, { contactIds: [b.id] }, otherAdmin.token, key), bulkResultSchema)
        .changed,
    ).toBe(1);
  });
});
