import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as projectVendorsRoute from "@/app/api/v1/companies/[companyId]/projects/[projectId]/vendors/route";
import { projectVendorPageSchema } from "@/server/api/schemas";
import type { Database } from "@/server/db/open-database";
import { countProjectVendors, listProjectVendors } from "@/server/vendors/list-project-vendors";
import { listVendorProjects } from "@/server/vendors/list-vendor-people";
import { callApi, closeApiTestDatabase, expectError, expectSuccess, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject, createUserWithToken, createVendor } from "../helpers/factories";

const firstPage = { q: "", kind: null, sort: "name.asc", page: 1, perPage: 50 } as const;

describe.each(TEST_DATABASES)("a project directory's Companies on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
  });
  afterAll(() => closeApiTestDatabase(db));

  /** A project with Acme (2 active people on it, 1 removed, 1 inactive), Beta (1, inactive company) and Gamma (none on it). */
  async function staffedProject() {
    const company = await createCompany(db.prisma);
    const project = await createProject(db.prisma, company.id);
    const elsewhere = await createProject(db.prisma, company.id);
    const acme = await createVendor(db.prisma, company.id, "Acme Electric");
    const beta = await db.prisma.vendor.create({
      data: {
        companyId: company.id,
        name: "Beta Supply",
        kind: "SUPPLIER",
        status: "INACTIVE",
        inactivatedAt: new Date(),
      },
    });
    const gamma = await createVendor(db.prisma, company.id, "Gamma Steel");
    const on = { [project.id]: "ACTIVE" } as const;
    await createContact(db.prisma, company.id, { vendorId: acme.id, projects: on });
    await createContact(db.prisma, company.id, { vendorId: acme.id, projects: { ...on, [elsewhere.id]: "ACTIVE" } });
    await createContact(db.prisma, company.id, { vendorId: acme.id, projects: { [project.id]: "REMOVED" } });
    await createContact(db.prisma, company.id, {
      vendorId: acme.id,
      status: "INACTIVE",
      projects: { [project.id]: "INACTIVE" },
    });
    await createContact(db.prisma, company.id, { vendorId: beta.id, projects: on });
    await createContact(db.prisma, company.id, { vendorId: gamma.id, projects: { [elsewhere.id]: "ACTIVE" } });
    await createContact(db.prisma, company.id, { projects: on });
    return { company, project, acme, beta, gamma };
  }

  test("lists each company with its active people who are active on the project, inactive companies too", async () => {
    const { company, project, acme, beta } = await staffedProject();
    const scope = { companyId: company.id, projectId: project.id };
    const { rows, total } = await listProjectVendors(db.prisma, { ...scope, ...firstPage });
    expect(total).toBe(2);
    expect(rows).toEqual([
      expect.objectContaining({ id: acme.id, name: "Acme Electric", memberCount: 2, status: "ACTIVE" }),
      expect.objectContaining({
        id: beta.id,
        name: "Beta Supply",
        memberCount: 1,
        status: "INACTIVE",
        kind: "SUPPLIER",
      }),
    ]);
    expect(await countProjectVendors(db.prisma, scope)).toBe(2);
  });

  test("searches, filters by kind, sorts by people and pages without overlap", async () => {
    const { company, project, acme, beta } = await staffedProject();
    const scope = { companyId: company.id, projectId: project.id };
    const list = (q: Partial<typeof firstPage> | Record<string, unknown>) =>
      listProjectVendors(db.prisma, { ...scope, ...firstPage, ...q } as Parameters<typeof listProjectVendors>[1]);
    expect((await list({ q: "beta" })).rows.map((r) => r.id)).toEqual([beta.id]);
    expect((await list({ q: "100%" })).total).toBe(0);
    expect((await list({ kind: "SUPPLIER" })).rows.map((r) => r.id)).toEqual([beta.id]);
    expect((await list({ sort: "members.asc" })).rows.map((r) => r.id)).toEqual([beta.id, acme.id]);
    const pages = [await list({ perPage: 25, page: 1 }), await list({ perPage: 25, page: 2 })];
    expect(pages[0]!.rows).toHaveLength(2);
    expect(pages[1]!.rows).toHaveLength(0);
    expect(pages[1]!.total).toBe(2);
  });

  test("GET …/projects/{projectId}/vendors answers the page; another company's project is 404", async () => {
    const { company, project, acme } = await staffedProject();
    const other = await staffedProject();
    const page = expectSuccess(
      await callApi(projectVendorsRoute.GET, {
        params: { companyId: company.id, projectId: project.id.toUpperCase() },
        query: { sort: "members.desc", perPage: "25" },
      }),
      projectVendorPageSchema,
    );
    expect(page).toMatchObject({ page: 1, perPage: 25, total: 2 });
    expect(page.data[0]).toEqual({
      id: acme.id,
      name: "Acme Electric",
      kind: "subcontractor",
      trade: "Electrical",
      phone: null,
      status: "active",
      memberCount: 2,
    });
    expectError(
      await callApi(projectVendorsRoute.GET, { params: { companyId: company.id, projectId: other.project.id } }),
      404,
      "not_found",
    );
    expectError(
      await callApi(projectVendorsRoute.GET, {
        params: { companyId: company.id, projectId: project.id },
        query: { sort: "projects.asc" },
      }),
      400,
      "validation_error",
    );
  });

  test("a project member sees their own project's companies, not another project's", async () => {
    const { company, project } = await staffedProject();
    const otherProject = await createProject(db.prisma, company.id);
    const { token } = await createUserWithToken(db.prisma, company.id, "NONE", { [project.id]: "READ_ONLY" });
    const get = (projectId: string) =>
      callApi(projectVendorsRoute.GET, { params: { companyId: company.id, projectId }, token });
    expect(expectSuccess(await get(project.id), projectVendorPageSchema).total).toBe(2);
    expect((await get(otherProject.id)).status).toBe(403);
    expect((await get(randomUUID())).status).toBe(403);
  });

  test("a company's page names its projects with the most of its people first, at most the limit, with the total", async () => {
    const { company, project, acme, gamma } = await staffedProject();
    const third = await createProject(db.prisma, company.id);
    await createContact(db.prisma, company.id, { vendorId: acme.id, projects: { [third.id]: "ACTIVE" } });
    const scope = { companyId: company.id, vendorId: acme.id };
    const all = await listVendorProjects(db.prisma, scope);
    // Acme: 2 active people on the project, 1 on "elsewhere", 1 on the third; removed and inactive ones do not count.
    expect(all.total).toBe(3);
    expect(all.projects[0]).toEqual({ id: project.id, name: project.name, people: 2 });
    expect(all.projects.map((p) => p.people)).toEqual([2, 1, 1]);
    const top = await listVendorProjects(db.prisma, { ...scope, limit: 1 });
    expect(top).toEqual({ projects: [all.projects[0]], total: 3 });
    expect(await listVendorProjects(db.prisma, { companyId: company.id, vendorId: gamma.id, limit: 1 })).toMatchObject({
      total: 1,
    });
    // Another company's id names nothing.
    expect(
      await listVendorProjects(db.prisma, { companyId: (await createCompany(db.prisma)).id, vendorId: acme.id }),
    ).toEqual({
      projects: [],
      total: 0,
    });
  });
});
