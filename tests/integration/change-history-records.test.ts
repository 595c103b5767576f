import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as inactivateRoute from "@/app/api/v1/companies/[companyId]/contacts/bulk_inactivate/route";
import * as companyHistoryRoute from "@/app/api/v1/companies/[companyId]/history/route";
import { historyCsv } from "@/features/history/history-csv";
import { parseHistorySearchParams } from "@/features/history/search-params";
import { historyPageSchema } from "@/server/api/schemas";
import type { Database } from "@/server/db/open-database";
import { listHistoryBatches } from "@/server/history/list-history-batches";
import { applyBulkVendorStatusChange } from "@/server/vendors/apply-bulk-vendor-status-change";
import { createVendor } from "@/server/vendors/create-vendor";
import { callApi, closeApiTestDatabase, expectError, expectSuccess, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createUserWithToken } from "../helpers/factories";

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
}

describe.each(TEST_DATABASES)("the Change History of contacts, companies and users on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
  });
  afterAll(() => closeApiTestDatabase(db));

  /**
   * A company with four changes, oldest first: a company created; two contacts inactivated;
   * the company inactivated with its one active person; a user inactivated.
   */
  async function historyOfFour() {
    const company = await createCompany(db.prisma);
    const companyId = company.id;
    const admin = await createUserWithToken(db.prisma, companyId, "ADMIN");
    const by = { actorId: admin.user.id, actorName: admin.user.name };
    const vendor = await createVendor(db.prisma, { companyId, input: { name: "Ortiz Drywall" }, by });
    const [a, b, c] = await Promise.all([
      createContact(db.prisma, companyId),
      createContact(db.prisma, companyId),
      createContact(db.prisma, companyId, { vendorId: vendor.id }),
    ]);
    await callApi(inactivateRoute.POST, {
      params: { companyId },
      body: { contactIds: [a.id, b.id] },
      token: admin.token,
    });
    await applyBulkVendorStatusChange(db.prisma, {
      companyId,
      to: "INACTIVE",
      selection: { vendorIds: [vendor.id] },
      includeContacts: true,
      actor: { userId: admin.user.id, name: admin.user.name },
      reason: "Off the books",
    });
    const leaver = await createUserWithToken(db.prisma, companyId, "STANDARD");
    const batch = await db.prisma.changeBatch.create({
      data: { companyId, action: "users.inactivate", actorId: admin.user.id, actorName: admin.user.name },
    });
    await db.prisma.userEvent.create({
      data: {
        companyId,
        userId: leaver.user.id,
        batchId: batch.id,
        action: "user.inactivated",
        changes: { status: { from: "ACTIVE", to: "INACTIVE" } },
      },
    });
    return { companyId, admin, vendor, contacts: [a, b, c], leaver };
  }

  const batches = (
    companyId: string,
    filters: Parameters<typeof listHistoryBatches>[1] extends infer O ? Partial<O> : never,
  ) => listHistoryBatches(db.prisma, { companyId, page: 1, perPage: 50, ...filters });

  test("one list holds every kind of change; the record filter keeps the changes that touched that kind", async () => {
    const { companyId } = await historyOfFour();
    const all = await batches(companyId, {});
    expect(all.total).toBe(4);
    expect(all.batches.map((b) => b.action)).toEqual([
      "users.inactivate",
      "vendors.inactivate",
      "contacts.inactivate",
      "vendor.create",
    ]);
    // The company inactivated with its person is a company's change and a contact's.
    expect(all.batches[1]!.counts).toEqual(
      expect.arrayContaining([
        { record: "companies", action: "vendor.inactivated", count: 1 },
        { record: "contacts", action: "contact.inactivated", count: 1 },
      ]),
    );
    expect((await batches(companyId, { record: "contacts" })).batches.map((b) => b.action)).toEqual([
      "vendors.inactivate",
      "contacts.inactivate",
    ]);
    expect((await batches(companyId, { record: "companies" })).batches.map((b) => b.action)).toEqual([
      "vendors.inactivate",
      "vendor.create",
    ]);
    expect((await batches(companyId, { record: "users" })).batches.map((b) => b.action)).toEqual(["users.inactivate"]);
    expect((await batches(companyId, { action: "vendor.created" })).batches.map((b) => b.action)).toEqual([
      "vendor.create",
    ]);
    expect((await batches(companyId, { action: "user.reactivated" })).total).toBe(0);
  });

  test("the page's URL keeps a record and its actions; an action of another record is dropped", () => {
    expect(parseHistorySearchParams({ record: "companies", action: "vendor.inactivated" }).filters).toEqual({
      record: "companies",
      action: "vendor.inactivated",
    });
    expect(parseHistorySearchParams({ record: "users", action: "contact.inactivated" }).filters).toEqual({
      record: "users",
    });
    expect(parseHistorySearchParams({ record: "projects" }).filters).toEqual({});
  });

  test("GET …/history lists each kind of entry in its own shape, filtered the same way", async () => {
    const { companyId, admin, vendor, leaver } = await historyOfFour();
    const get = (query: Record<string, string>) =>
      callApi(companyHistoryRoute.GET, { params: { companyId }, query, token: admin.token });
    const all = expectSuccess(await get({}), historyPageSchema);
    // vendor created, 2 contacts, vendor + its contact, the user.
    expect(all.total).toBe(6);
    expect(all.data[0]).toMatchObject({
      action: "user.inactivated",
      user: { id: leaver.user.id, email: leaver.user.email },
      actor: { id: admin.user.id, email: admin.user.email },
    });
    const companies = expectSuccess(await get({ record: "companies" }), historyPageSchema);
    expect(companies.data.map((i) => i.action)).toEqual(["vendor.inactivated", "vendor.created"]);
    expect(companies.data[0]).toMatchObject({
      vendor: { id: vendor.id, name: "Ortiz Drywall" },
      reason: "Off the books",
    });
    const users = expectSuccess(
      await get({ record: "users", actorId: admin.user.id.toUpperCase() }),
      historyPageSchema,
    );
    expect(users.total).toBe(1);
    const contacts = expectSuccess(await get({ record: "contacts", perPage: "2", page: "2" }), historyPageSchema);
    expect(contacts.total).toBe(3);
    expect(contacts.data).toHaveLength(1);
    expectError(await get({ record: "users", action: "vendor.created" }), 400, "validation_error");
    expectError(await get({ record: "vendors" }), 400, "validation_error");
  });

  test("the CSV export follows the filter: a company's rows name the company", async () => {
    const { companyId, vendor } = await historyOfFour();
    const lines = (await text(historyCsv(db.prisma, companyId, { record: "companies" }))).trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(",Companies,Ortiz Drywall,Company inactivated,");
    expect(lines[1]).toContain(`,${vendor.id}`);
    const everything = (await text(historyCsv(db.prisma, companyId, {}))).trim().split(/\r?\n/);
    expect(everything).toHaveLength(7);
    expect(everything[1]).toContain(",Users,");
    expect(everything[1]).toContain(",User inactivated,Inactivated,");
  });

  test("reading on page after page (the export's keyset) lists every entry once", async () => {
    const { companyId } = await historyOfFour();
    const { streamHistoryEvents } = await import("@/server/history/list-history-events");
    const seen: string[] = [];
    for await (const entry of streamHistoryEvents(db.prisma, { companyId }, 2)) seen.push(entry.id);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });
});
