import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as vendorsRoute from "@/app/api/v1/companies/[companyId]/vendors/route";
import * as companiesRoute from "@/app/api/v1/companies/route";
import { companySchema, listOf, vendorPageSchema, vendorSchema } from "@/server/api/schemas";
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
import { createCompany, createUserWithToken, createVendor } from "../helpers/factories";

describe.each(TEST_DATABASES)("companies and vendors API on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
  });
  afterAll(() => closeApiTestDatabase(db));

  test("GET /companies lists the token's own company as { id, name }, and no other", async () => {
    const company = await createCompany(db.prisma, `Api Co ${randomUUID()}`);
    const alsoMember = await createCompany(db.prisma);
    await createCompany(db.prisma);
    const { user, token } = await createUserWithToken(db.prisma, company.id, "READ_ONLY");
    // A member of another company too: a token still acts only in the one it was made in.
    await db.prisma.companyMember.create({
      data: { companyId: alsoMember.id, userId: user.id, directoryLevel: "ADMIN" },
    });
    const { data } = expectSuccess(await callApi(companiesRoute.GET, { token }), listOf(companySchema));
    expect(data).toEqual([{ id: company.id, name: company.name }]);
    expectError(await callApi(companiesRoute.GET, { token, query: { page: "1" } }), 400, "validation_error");
    expectError(await callApi(companiesRoute.GET, { token: null }), 401, "unauthorized");
  });

  test("GET /companies/{companyId}/vendors lists the company's vendors only", async () => {
    const company = await createCompany(db.prisma);
    const other = await createCompany(db.prisma);
    const vendor = await createVendor(db.prisma, company.id, "Beta Concrete");
    await createVendor(db.prisma, other.id, "Other Co Vendor");
    const page = expectSuccess(
      await callApi(vendorsRoute.GET, { params: { companyId: company.id } }),
      vendorPageSchema,
    );
    expect(page).toMatchObject({ page: 1, perPage: 50, total: 1 });
    expect(page.data).toEqual([
      expect.objectContaining({
        id: vendor.id,
        name: "Beta Concrete",
        kind: "subcontractor",
        trade: "Electrical",
        status: "active",
        contactCount: 0,
      }),
    ]);
    // With a valid token of a real company: an unknown or malformed id is simply not found.
    const token = await adminToken(company.id);
    expectError(await callApi(vendorsRoute.GET, { params: { companyId: randomUUID() }, token }), 404, "not_found");
    expectError(await callApi(vendorsRoute.GET, { params: { companyId: "acme" }, token }), 404, "not_found");
  });

  test("POST /companies/{companyId}/vendors creates a vendor; a taken name is 409 and changes nothing", async () => {
    const company = await createCompany(db.prisma);
    const post = (body: unknown) => callApi(vendorsRoute.POST, { params: { companyId: company.id }, body });
    const created = expectSuccess(
      await post({ name: "Gamma Supply", kind: "supplier", trade: " Lumber " }),
      vendorSchema,
      201,
    );
    expect(created).toMatchObject({ name: "Gamma Supply", kind: "supplier", trade: "Lumber" });
    expect(expectSuccess(await post({ name: "Delta Steel" }), vendorSchema, 201)).toMatchObject({
      kind: "subcontractor",
      trade: null,
    });
    const before = await companySnapshot(db.prisma, company.id);

    const clash = expectError(await post({ name: "Gamma Supply" }), 409, "conflict");
    expect(clash.details).toEqual({ field: "name", vendorId: created.id });
    const invalid = expectError(await post({ name: "", kind: "SUPPLIER", fax: "1" }), 400, "validation_error");
    expect(invalid.details).toEqual(
      expect.arrayContaining([
        { path: "name", message: "Enter the company's name." },
        { path: "kind", message: "kind must be one of subcontractor, supplier, consultant, other." },
        { path: "fax", message: 'Unknown field "fax": leave it out.' },
      ]),
    );
    expectError(await post(null), 400, "validation_error");
    expectError(
      await callApi(vendorsRoute.POST, { params: { companyId: company.id }, rawBody: "{" }),
      400,
      "invalid_json",
    );
    expectError(
      await callApi(vendorsRoute.POST, {
        params: { companyId: randomUUID() },
        body: { name: "X" },
        token: await adminToken(company.id),
      }),
      404,
      "not_found",
    );
    expect(await companySnapshot(db.prisma, company.id)).toEqual(before);
  });
});
