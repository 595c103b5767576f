import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as projectContactRoute from "@/app/api/v1/companies/[companyId]/projects/[projectId]/contacts/[contactId]/route";
import * as projectContactsRoute from "@/app/api/v1/companies/[companyId]/projects/[projectId]/contacts/route";
import * as projectsRoute from "@/app/api/v1/companies/[companyId]/projects/route";
import {
  addContactsResultSchema,
  contactPageSchema,
  listOf,
  projectListItemSchema,
  projectSchema,
  removeContactResultSchema,
} from "@/server/api/schemas";
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

describe.each(TEST_DATABASES)("projects API on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
  });
  afterAll(() => closeApiTestDatabase(db));

  async function company() {
    const c = await createCompany(db.prisma);
    const project = await createProject(db.prisma, c.id, "Harbor Yard");
    return { companyId: c.id, projectId: project.id };
  }

  describe("GET and POST /companies/{companyId}/projects", () => {
    test("lists projects with their directory counts", async () => {
      const { companyId, projectId } = await company();
      await createContact(db.prisma, companyId, { projects: { [projectId]: "ACTIVE" } });
      await createContact(db.prisma, companyId, { status: "INACTIVE", projects: { [projectId]: "INACTIVE" } });
      await createContact(db.prisma, companyId, { projects: { [projectId]: "REMOVED" } });
      const { data } = expectSuccess(
        await callApi(projectsRoute.GET, { params: { companyId } }),
        listOf(projectListItemSchema),
      );
      expect(data).toEqual([
        { id: projectId, name: "Harbor Yard", number: null, status: "active", activeContacts: 1, inactiveContacts: 1 },
      ]);
    });

    test("creates a project (201) and answers 409 for a number already taken, creating nothing more", async () => {
      const { companyId } = await company();
      const post = (body: unknown) => callApi(projectsRoute.POST, { params: { companyId }, body });
      const created = expectSuccess(await post({ name: " Pier 9 ", number: "2024-017" }), projectSchema, 201);
      expect(created).toMatchObject({ name: "Pier 9", number: "2024-017", status: "active" });
      const before = await companySnapshot(db.prisma, companyId);

      const clash = expectError(await post({ name: "Pier 10", number: "2024-017" }), 409, "conflict");
      expect(clash.message).toContain("2024-017");
      expect(clash.details).toEqual({ field: "number" });
      const invalid = expectError(await post({ name: "  ", status: "bidding" }), 400, "validation_error");
      expect(invalid.details).toEqual(
        expect.arrayContaining([
          { path: "name", message: "Enter a project name." },
          { path: "status", message: 'Unknown field "status": leave it out.' },
        ]),
      );
      expectError(
        await callApi(projectsRoute.POST, { params: { companyId }, rawBody: "name=Pier" }),
        400,
        "invalid_json",
      );
      expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
    });

    test("answers 404 for an unknown company and 400 for query keys it does not take", async () => {
      const { companyId } = await company();
      const token = await adminToken(companyId);
      expectError(await callApi(projectsRoute.GET, { params: { companyId: randomUUID() }, token }), 404, "not_found");
      expectError(
        await callApi(projectsRoute.POST, { params: { companyId: "x" }, body: { name: "P" }, token }),
        404,
        "not_found",
      );
      expectError(
        await callApi(projectsRoute.GET, { params: { companyId }, query: { page: "2" } }),
        400,
        "validation_error",
      );
    });
  });

  describe("GET /companies/{companyId}/projects/{projectId}/contacts", () => {
    const list = (companyId: string, projectId: string, query: Record<string, string> = {}) =>
      callApi(projectContactsRoute.GET, { params: { companyId, projectId }, query });

    test("answers the project's Contacts or Inactive Contacts tab", async () => {
      const { companyId, projectId } = await company();
      const active = await createContact(db.prisma, companyId, {
        lastName: "Able",
        projects: { [projectId]: "ACTIVE" },
      });
      const inactive = await createContact(db.prisma, companyId, {
        status: "INACTIVE",
        projects: { [projectId]: "INACTIVE" },
      });
      await createContact(db.prisma, companyId, { lastName: "Removed", projects: { [projectId]: "REMOVED" } });
      await createContact(db.prisma, companyId, { lastName: "Elsewhere" });

      const tab = expectSuccess(await list(companyId, projectId), contactPageSchema);
      expect(tab).toMatchObject({ total: 1, page: 1, perPage: 50 });
      expect(tab.data.map((c) => c.id)).toEqual([active.id]);
      const inactiveTab = expectSuccess(
        await list(companyId, projectId, { status: "inactive", perPage: "1" }),
        contactPageSchema,
      );
      expect(inactiveTab.data.map((c) => c.id)).toEqual([inactive.id]);
      expect(inactiveTab.data[0]).toMatchObject({ status: "inactive" });
    });

    test("answers 404 for an unknown, foreign or malformed project and 400 for a bad query", async () => {
      const { companyId, projectId } = await company();
      const other = await company();
      expectError(await list(companyId, randomUUID()), 404, "not_found");
      expectError(await list(companyId, other.projectId), 404, "not_found");
      expectError(await list(companyId, "project-1"), 404, "not_found");
      expectError(await list(companyId, projectId, { projectId }), 400, "validation_error");
      expectError(await list(companyId, projectId, { status: "removed" }), 400, "validation_error");
    });
  });

  describe("POST /companies/{companyId}/projects/{projectId}/contacts", () => {
    const add = (companyId: string, projectId: string, body: unknown) =>
      callApi(projectContactsRoute.POST, { params: { companyId, projectId }, body });

    test("adds new contacts, brings back removed ones and reports the rest", async () => {
      const { companyId, projectId } = await company();
      const other = await company();
      const fresh = await createContact(db.prisma, companyId);
      const removed = await createContact(db.prisma, companyId, { projects: { [projectId]: "REMOVED" } });
      const present = await createContact(db.prisma, companyId, { projects: { [projectId]: "ACTIVE" } });
      const inactive = await createContact(db.prisma, companyId, { status: "INACTIVE" });
      const foreign = await createContact(db.prisma, other.companyId);

      const result = expectSuccess(
        await add(companyId, projectId, { contactIds: [fresh.id, removed.id, present.id, inactive.id, foreign.id] }),
        addContactsResultSchema,
      );
      expect(result).toEqual({
        batchId: expect.any(String),
        added: [fresh.id],
        restored: [removed.id],
        skipped: [
          { id: present.id, reason: "already on project" },
          { id: inactive.id, reason: "inactive" },
          { id: foreign.id, reason: "not found" },
        ],
      });
      expect(await membershipStatuses(db.prisma, removed)).toEqual({ [projectId]: "ACTIVE" });
      expect(await membershipStatuses(db.prisma, foreign)).toEqual({});
    });

    test("refuses bad ids, too many ids and an unknown project, changing nothing", async () => {
      const { companyId, projectId } = await company();
      const other = await company();
      const contact = await createContact(db.prisma, companyId);
      const before = await companySnapshot(db.prisma, companyId);

      const bad = expectError(
        await add(companyId, projectId, { contactIds: [contact.id, "nope"] }),
        400,
        "validation_error",
      );
      expect(bad.details).toEqual([{ path: "contactIds.1", message: "Each contact id must be a UUID." }]);
      expectError(await add(companyId, projectId, { contactIds: [] }), 400, "validation_error");
      expectError(await add(companyId, projectId, { contactIds: [contact.id], note: "x" }), 400, "validation_error");
      const tooMany = Array.from({ length: 10_001 }, () => randomUUID());
      expectError(await add(companyId, projectId, { contactIds: [contact.id, ...tooMany] }), 413, "too_many_ids");
      expectError(await add(companyId, other.projectId, { contactIds: [contact.id] }), 404, "not_found");
      expectError(await add(companyId, randomUUID(), { contactIds: [contact.id] }), 404, "not_found");
      expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
    });
  });

  describe("DELETE /companies/{companyId}/projects/{projectId}/contacts/{contactId}", () => {
    const remove = (companyId: string, projectId: string, contactId: string) =>
      callApi(projectContactRoute.DELETE, { params: { companyId, projectId, contactId }, method: "DELETE" });

    test("removes the contact from the project, keeping the membership as removed", async () => {
      const { companyId, projectId } = await company();
      const contact = await createContact(db.prisma, companyId, { projects: { [projectId]: "ACTIVE" } });
      const result = expectSuccess(await remove(companyId, projectId, contact.id), removeContactResultSchema);
      expect(result).toEqual({ batchId: expect.any(String), removed: contact.id });
      expect(await membershipStatuses(db.prisma, contact)).toEqual({ [projectId]: "REMOVED" });
    });

    test("answers 404 for a contact not on the project, already removed, foreign or unknown", async () => {
      const { companyId, projectId } = await company();
      const other = await company();
      const elsewhere = await createContact(db.prisma, companyId);
      const removed = await createContact(db.prisma, companyId, { projects: { [projectId]: "REMOVED" } });
      const foreign = await createContact(db.prisma, other.companyId, { projects: { [other.projectId]: "ACTIVE" } });
      const before = await companySnapshot(db.prisma, companyId);
      const foreignBefore = await companySnapshot(db.prisma, other.companyId);

      expectError(await remove(companyId, projectId, elsewhere.id), 404, "not_found");
      expectError(await remove(companyId, projectId, removed.id), 404, "not_found");
      expectError(await remove(companyId, other.projectId, foreign.id), 404, "not_found");
      expectError(await remove(companyId, projectId, foreign.id), 404, "not_found");
      expectError(await remove(companyId, projectId, "0"), 404, "not_found");
      expectError(await remove(companyId, randomUUID(), elsewhere.id), 404, "not_found");
      expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
      expect(await companySnapshot(db.prisma, other.companyId)).toEqual(foreignBefore);
    });
  });
});
