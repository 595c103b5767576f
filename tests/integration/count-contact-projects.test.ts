import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/server/db/open-database";
import { countContactProjects } from "@/server/contacts/count-contact-projects";
import { listContacts } from "@/server/contacts/list-contacts";
import { TEST_DATABASES, openTestDatabase } from "../helpers/database";
import { createCompany, createContact, createProject } from "../helpers/factories";

// The Inactivate / Reactivate dialog's "… leave 3 project directories" comes from the server
// (the directory's rows carry only a count and the first project's name).
describe.each(TEST_DATABASES)("the project directories a status change touches, on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db.close());

  test("counts each project once, only memberships in the status the change moves them from, only this company's", async () => {
    const company = await createCompany(db.prisma);
    const [a, b, c] = [
      await createProject(db.prisma, company.id, "Project 2"),
      await createProject(db.prisma, company.id, "Project 10"),
      await createProject(db.prisma, company.id, "Project 3"),
    ];
    const first = await createContact(db.prisma, company.id, {
      projects: { [a.id]: "ACTIVE", [b.id]: "ACTIVE", [c.id]: "REMOVED" },
    });
    const second = await createContact(db.prisma, company.id, { projects: { [a.id]: "ACTIVE" } });
    const inactive = await createContact(db.prisma, company.id, {
      status: "INACTIVE",
      projects: { [c.id]: "INACTIVE" },
    });
    const companyId = company.id;
    const ids = [first.id, second.id, inactive.id];
    expect(await countContactProjects(db.prisma, { companyId, contactIds: ids, status: "ACTIVE" })).toBe(2);
    expect(await countContactProjects(db.prisma, { companyId, contactIds: ids, status: "INACTIVE" })).toBe(1);
    expect(await countContactProjects(db.prisma, { companyId, contactIds: [], status: "ACTIVE" })).toBe(0);

    // Another company's contacts are not counted, whatever ids are sent.
    const other = await createCompany(db.prisma);
    const theirs = await createProject(db.prisma, other.id);
    const foreign = await createContact(db.prisma, other.id, { projects: { [theirs.id]: "ACTIVE" } });
    expect(await countContactProjects(db.prisma, { companyId, contactIds: [foreign.id], status: "ACTIVE" })).toBe(0);

    // The directory's row says the same: how many, and the first by name.
    const { rows } = await listContacts(db.prisma, {
      companyId,
      status: "ACTIVE",
      q: "",
      sort: "name.asc",
      page: 1,
      perPage: 50,
    });
    const row = rows.find((r) => r.id === first.id)!;
    expect(row.projects.count).toBe(2);
    expect([a.name, b.name]).toContain(row.projects.first);
  });
});
