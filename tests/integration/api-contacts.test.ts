import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as contactRoute from "@/app/api/v1/companies/[companyId]/contacts/[contactId]/route";
import * as contactsRoute from "@/app/api/v1/companies/[companyId]/contacts/route";
import { contactDetailSchema, contactPageSchema, contactSchema } from "@/server/api/schemas";
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
import { createCompany, createContact, createProject, createVendor, membershipStatuses } from "../helpers/factories";

describe.each(TEST_DATABASES)("contacts API on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
  });
  afterAll(() => closeApiTestDatabase(db));

  async function company() {
    const c = await createCompany(db.prisma);
    const [alpha, bravo] = await Promise.all([
      createProject(db.prisma, c.id, "Alpha Tower"),
      createProject(db.prisma, c.id, "Bravo Bridge"),
    ]);
    const vendor = await createVendor(db.prisma, c.id, "Acme Electric");
    return { companyId: c.id, alpha: alpha.id, bravo: bravo.id, vendorId: vendor.id };
  }

  /** As a company Admin of companyId, unless another token is given. */
  const list = (companyId: string, query: Record<string, string> | string = {}, token?: string) =>
    callApi(contactsRoute.GET, { params: { companyId }, query, token });
  const create = (companyId: string, body: unknown, token?: string) =>
    callApi(contactsRoute.POST, { params: { companyId }, body, token });
  const get = (companyId: string, contactId: string) => callApi(contactRoute.GET, { params: { companyId, contactId } });
  const patch = (companyId: string, contactId: string, body: unknown) =>
    callApi(contactRoute.PATCH, { params: { companyId, contactId }, body, method: "PATCH" });

  describe("GET /companies/{companyId}/contacts", () => {
    test("answers a page of full contacts in name order, with the total", async () => {
      const { companyId, vendorId } = await company();
      await createContact(db.prisma, companyId, { firstName: "Ann", lastName: "Clark" });
      await createContact(db.prisma, companyId, {
        firstName: "Bo",
        lastName: "Adams",
        vendorId,
        email: "bo@example.com",
      });
      await createContact(db.prisma, companyId, { firstName: "Cy", lastName: "Baker" });
      await createContact(db.prisma, companyId, { lastName: "Gone", status: "INACTIVE" });

      const first = expectSuccess(await list(companyId, { perPage: "2" }), contactPageSchema);
      expect(first).toMatchObject({ page: 1, perPage: 2, total: 3 });
      expect(first.data.map((c) => c.lastName)).toEqual(["Adams", "Baker"]);
      expect(first.data[0]).toMatchObject({
        companyId,
        firstName: "Bo",
        email: "bo@example.com",
        vendor: { id: vendorId, name: "Acme Electric" },
        status: "active",
        origin: "directory",
        isEmployee: false,
        inactivatedAt: null,
      });

      const second = expectSuccess(await list(companyId, { perPage: "2", page: "2" }), contactPageSchema);
      expect(second.data.map((c) => c.lastName)).toEqual(["Clark"]);
      const descending = expectSuccess(await list(companyId, { sort: "name.desc" }), contactPageSchema);
      expect(descending.data.map((c) => c.lastName)).toEqual(["Clark", "Baker", "Adams"]);
    });

    test("filters by tab, search, vendor, project and origin", async () => {
      const { companyId, alpha, vendorId } = await company();
      const onAlpha = await createContact(db.prisma, companyId, {
        lastName: "Onsite",
        projects: { [alpha]: "ACTIVE" },
      });
      const ofVendor = await createContact(db.prisma, companyId, { firstName: "Maria", lastName: "Lopez", vendorId });
      const inactive = await createContact(db.prisma, companyId, {
        lastName: "Left",
        status: "INACTIVE",
        projects: { [alpha]: "INACTIVE" },
      });
      const fromCrews = await db.prisma.contact.create({
        data: { companyId, firstName: "Crew", lastName: "Hand", origin: "CREWS" },
      });

      const ids = async (query: Record<string, string>) =>
        expectSuccess(await list(companyId, query), contactPageSchema).data.map((c) => c.id);
      expect(await ids({ status: "inactive" })).toEqual([inactive.id]);
      expect(await ids({ q: "maria lopez" })).toEqual([ofVendor.id]);
      expect(await ids({ q: "acme" })).toEqual([ofVendor.id]);
      expect(await ids({ q: "LOPEZ acme" })).toEqual([ofVendor.id]);
      // Wildcards are plain characters, so no word matches across two fields.
      expect(await ids({ q: "a_lopez" })).toEqual([]);
      expect(await ids({ q: "ria%lop" })).toEqual([]);
      expect(await ids({ vendorId })).toEqual([ofVendor.id]);
      expect(await ids({ projectId: alpha })).toEqual([onAlpha.id]);
      expect(await ids({ projectId: alpha, status: "inactive" })).toEqual([inactive.id]);
      expect(await ids({ origin: "crews" })).toEqual([fromCrews.id]);
    });

    test("refuses bad and unknown query keys, listing every problem", async () => {
      const { companyId } = await company();
      const error = expectError(
        await list(companyId, { perPage: "101", sort: "salary.asc", bogus: "1" }),
        400,
        "validation_error",
      );
      expect(error.details).toEqual(
        expect.arrayContaining([
          { path: "perPage", message: "perPage must be a whole number from 1 to 100." },
          { path: "sort", message: expect.stringContaining("sort must be one of name.asc") },
          { path: "bogus", message: 'Unknown field "bogus": leave it out.' },
        ]),
      );
      expect(error.message).toMatch(/^Check the query string: /);
      for (const query of [
        "page=0",
        "page=x",
        "origin=CREWS",
        "status=removed",
        "vendorId=42",
        `q=${"x".repeat(201)}`,
        "q=a%00b",
      ]) {
        expectError(await list(companyId, query), 400, "validation_error");
      }
      const repeated = expectError(await list(companyId, "status=active&status=inactive"), 400, "validation_error");
      expect(repeated.details).toEqual([{ path: "status", message: "Give status only once." }]);
    });

    test("answers 404 for an unknown or malformed company id", async () => {
      const token = await adminToken((await company()).companyId);
      expectError(await list(randomUUID(), {}, token), 404, "not_found");
      expectError(await list("not-a-uuid", {}, token), 404, "not_found");
    });
  });

  describe("POST /companies/{companyId}/contacts", () => {
    test("creates a contact from the API on the given projects and answers 201 with it", async () => {
      const { companyId, alpha, bravo, vendorId } = await company();
      const created = expectSuccess(
        await create(companyId, {
          firstName: " Rosa ",
          lastName: "Diaz",
          email: "Rosa@Example.com",
          phone: "",
          jobTitle: "Foreman",
          isEmployee: true,
          vendorId,
          // Upper case and repeated: still two projects.
          projectIds: [alpha, bravo.toUpperCase(), bravo],
        }),
        contactSchema,
        201,
      );
      expect(created).toMatchObject({
        companyId,
        firstName: "Rosa",
        email: "rosa@example.com",
        phone: null,
        jobTitle: "Foreman",
        isEmployee: true,
        vendor: { id: vendorId, name: "Acme Electric" },
        status: "active",
        origin: "api",
        inactivatedAt: null,
      });
      expect(await membershipStatuses(db.prisma, created)).toEqual({ [alpha]: "ACTIVE", [bravo]: "ACTIVE" });
    });

    test("refuses a vendor or project of another company with 404 and creates nothing", async () => {
      const { companyId, alpha } = await company();
      const other = await company();
      const before = await companySnapshot(db.prisma, companyId);

      const vendorError = expectError(
        await create(companyId, { firstName: "A", lastName: "B", vendorId: other.vendorId }),
        404,
        "not_found",
      );
      expect(vendorError.details).toEqual({ field: "vendorId" });
      const projectError = expectError(
        await create(companyId, { firstName: "A", lastName: "B", projectIds: [alpha, other.alpha] }),
        404,
        "not_found",
      );
      expect(projectError.details).toEqual({ projectIds: [other.alpha] });
      expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
    });

    test("refuses invalid bodies with 400 and the problems, creating nothing", async () => {
      const { companyId } = await company();
      const before = await companySnapshot(db.prisma, companyId);

      const error = expectError(
        await create(companyId, { firstName: "Al", email: "nope", role: "boss" }),
        400,
        "validation_error",
      );
      expect(error.details).toEqual(
        expect.arrayContaining([
          { path: "lastName", message: "Enter a last name." },
          { path: "email", message: "Enter an email address like name@example.com." },
          { path: "role", message: 'Unknown field "role": leave it out.' },
        ]),
      );
      expectError(await create(companyId, { firstName: "Al", lastName: "Bo\u0000b" }), 400, "validation_error");
      expectError(
        await create(companyId, { firstName: "Al", lastName: "Bo", projectIds: ["1"] }),
        400,
        "validation_error",
      );
      expectError(await create(companyId, ["Al", "Bo"]), 400, "validation_error");
      const malformed = expectError(
        await callApi(contactsRoute.POST, { params: { companyId }, rawBody: '{"firstName": "Al",' }),
        400,
        "invalid_json",
      );
      expect(malformed.message).toMatch(/not valid JSON/);
      expectError(await callApi(contactsRoute.POST, { params: { companyId }, rawBody: "" }), 400, "invalid_json");
      expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
    });

    test("answers 404 for an unknown company, even with a bad body", async () => {
      const token = await adminToken((await company()).companyId);
      expectError(await create(randomUUID(), { firstName: "A", lastName: "B" }, token), 404, "not_found");
      expectError(await create(randomUUID(), { nonsense: true }, token), 404, "not_found");
    });
  });

  describe("GET /companies/{companyId}/contacts/{contactId}", () => {
    test("answers the contact with every project it has been on and its status there", async () => {
      const { companyId, alpha, bravo } = await company();
      const contact = await createContact(db.prisma, companyId, {
        status: "INACTIVE",
        projects: { [alpha]: "INACTIVE", [bravo]: "REMOVED" },
      });
      const detail = expectSuccess(await get(companyId, contact.id), contactDetailSchema);
      expect(detail).toMatchObject({ id: contact.id, status: "inactive", inactivatedAt: expect.any(String) });
      expect(detail.projects).toEqual([
        { id: alpha, name: "Alpha Tower", status: "inactive" },
        { id: bravo, name: "Bravo Bridge", status: "removed" },
      ]);
      expectSuccess(await get(companyId, contact.id.toUpperCase()), contactDetailSchema);
    });

    test("answers 404 for another company's contact, an unknown id and a malformed one", async () => {
      const { companyId } = await company();
      const other = await company();
      const foreign = await createContact(db.prisma, other.companyId);
      expectError(await get(companyId, foreign.id), 404, "not_found");
      expectError(await get(companyId, randomUUID()), 404, "not_found");
      expectError(await get(companyId, "42"), 404, "not_found");
    });
  });

  describe("PATCH /companies/{companyId}/contacts/{contactId}", () => {
    test("changes the given fields and answers the contact", async () => {
      const { companyId, vendorId } = await company();
      const contact = await createContact(db.prisma, companyId, { email: "old@example.com" });
      const updated = expectSuccess(
        await patch(companyId, contact.id, { jobTitle: "Welder", email: null, vendorId }),
        contactSchema,
      );
      expect(updated).toMatchObject({
        jobTitle: "Welder",
        email: null,
        vendor: { id: vendorId },
        firstName: contact.firstName,
      });
      const stored = await db.prisma.contact.findUniqueOrThrow({
        where: { companyId_id: { companyId: contact.companyId, id: contact.id } },
      });
      expect(stored).toMatchObject({ jobTitle: "Welder", email: null, vendorId });
    });

    test("refuses empty, unknown-key, malformed and foreign-vendor patches, changing nothing", async () => {
      const { companyId } = await company();
      const other = await company();
      const contact = await createContact(db.prisma, companyId);
      const before = await companySnapshot(db.prisma, companyId);

      const empty = expectError(await patch(companyId, contact.id, {}), 400, "validation_error");
      expect(empty.details).toEqual([{ path: "", message: "Send at least one field to change." }]);
      expectError(await patch(companyId, contact.id, { status: "INACTIVE" }), 400, "validation_error");
      expectError(await patch(companyId, contact.id, { firstName: "" }), 400, "validation_error");
      expectError(await patch(companyId, contact.id, { isEmployee: "yes" }), 400, "validation_error");
      expectError(
        await callApi(contactRoute.PATCH, {
          params: { companyId, contactId: contact.id },
          rawBody: "{'a':1}",
          method: "PATCH",
        }),
        400,
        "invalid_json",
      );
      expectError(await patch(companyId, contact.id, { vendorId: other.vendorId }), 404, "not_found");
      expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
    });

    test("answers 404 for another company's contact and leaves it alone", async () => {
      const { companyId } = await company();
      const other = await company();
      const foreign = await createContact(db.prisma, other.companyId);
      const before = await companySnapshot(db.prisma, other.companyId);
      expectError(await patch(companyId, foreign.id, { jobTitle: "Hijacked" }), 404, "not_found");
      expectError(await patch(companyId, randomUUID(), { jobTitle: "Nobody" }), 404, "not_found");
      expect(await companySnapshot(db.prisma, other.companyId)).toEqual(before);
    });
  });
});
