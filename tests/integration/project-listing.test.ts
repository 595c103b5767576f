import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PermissionLevel } from "@/generated/prisma/enums";
import type { Database } from "@/server/db/open-database";
import type { Actor } from "@/server/permissions/actor";
import { listProjectsPage } from "@/server/projects/list-projects-page";
import { searchProjects } from "@/server/projects/search-projects";
import type { ProjectsQuery } from "@/shared/project-query";
import { openTestDatabase, TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact } from "../helpers/factories";

function actorOf(
  companyId: string,
  companyLevel: PermissionLevel,
  projectLevels: Record<string, PermissionLevel> = {},
) {
  return {
    userId: "00000000-0000-4000-8000-000000000000",
    name: "Tester",
    companyId,
    companyLevel,
    projectLevels: new Map(Object.entries(projectLevels)),
  } satisfies Actor;
}

const firstPage: ProjectsQuery = { q: "", sort: "name.asc", page: 1, perPage: 25 };

describe.each(TEST_DATABASES)("the Projects page's listing on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.close();
  });

  async function companyWith(projects: { name: string; number?: string }[]) {
    const company = await createCompany(db.prisma);
    await db.prisma.project.createMany({
      data: projects.map((p) => ({ companyId: company.id, name: p.name, number: p.number ?? null })),
    });
    const ids = Object.fromEntries(
      (await db.prisma.project.findMany({ where: { companyId: company.id } })).map((p) => [p.name, p.id]),
    );
    return { companyId: company.id, ids };
  }

  const names = (rows: { name: string }[]) => rows.map((r) => r.name);

  test("sorts names with the numbers in them as numbers, case aside, both ways", async () => {
    const { companyId } = await companyWith(
      ["Project 10", "Project 2", "project 1", "Project 2A", "Building 3", "Project 007", "Tower 1000000000"].map(
        (name) => ({ name }),
      ),
    );
    const actor = actorOf(companyId, "ADMIN");
    const asc = await listProjectsPage(db.prisma, actor, firstPage);
    expect(names(asc.rows)).toEqual([
      "Building 3",
      "project 1",
      "Project 2",
      "Project 2A",
      "Project 007",
      "Project 10",
      "Tower 1000000000",
    ]);
    const desc = await listProjectsPage(db.prisma, actor, { ...firstPage, sort: "name.desc" });
    expect(names(desc.rows)).toEqual(names(asc.rows).toReversed());
  });

  test("sorts by number with projects without one last, and pages with the total of all matches", async () => {
    const { companyId } = await companyWith(
      Array.from({ length: 30 }, (_, i) => ({
        name: `Site ${i + 1}`,
        number: i % 10 === 9 ? undefined : `N-${100 + i}`,
      })),
    );
    const actor = actorOf(companyId, "READ_ONLY");
    const byNumber = await listProjectsPage(db.prisma, actor, { ...firstPage, sort: "number.asc", perPage: 100 });
    expect(byNumber.rows.slice(0, 3).map((r) => r.number)).toEqual(["N-100", "N-101", "N-102"]);
    expect(byNumber.rows.slice(-3).map((r) => r.number)).toEqual([null, null, null]);

    const page2 = await listProjectsPage(db.prisma, actor, { ...firstPage, page: 2 });
    expect(page2.total).toBe(30);
    expect(names(page2.rows)).toEqual(["Site 26", "Site 27", "Site 28", "Site 29", "Site 30"]);
    const beyond = await listProjectsPage(db.prisma, actor, { ...firstPage, page: 3 });
    expect(beyond).toEqual({ rows: [], total: 30 });
  });

  test("searches every word in the name or number, taking wildcards literally", async () => {
    const { companyId } = await companyWith([
      { name: "Harbor View Medical", number: "2024-101" },
      { name: "Harbor Yard", number: "2024-102" },
      { name: "View 100% Tower", number: "X_1" },
      { name: "Other", number: "XA1" },
    ]);
    const actor = actorOf(companyId, "ADMIN");
    const search = async (q: string) => names((await listProjectsPage(db.prisma, actor, { ...firstPage, q })).rows);
    expect(await search("harbor view")).toEqual(["Harbor View Medical"]);
    expect(await search("2024-10")).toEqual(["Harbor View Medical", "Harbor Yard"]);
    expect(await search("%")).toEqual(["View 100% Tower"]);
    expect(await search("X_1")).toEqual(["View 100% Tower"]);
    expect(await search("HARBOR")).toEqual(["Harbor View Medical", "Harbor Yard"]);
    expect((await listProjectsPage(db.prisma, actor, { ...firstPage, q: "nothing" })).total).toBe(0);
  });

  test("counts each project's active and inactive members, and only the page's projects", async () => {
    const { companyId, ids } = await companyWith([{ name: "A 1" }, { name: "A 2" }]);
    await createContact(db.prisma, companyId, { projects: { [ids["A 1"]!]: "ACTIVE" } });
    await createContact(db.prisma, companyId, { projects: { [ids["A 1"]!]: "ACTIVE", [ids["A 2"]!]: "ACTIVE" } });
    await createContact(db.prisma, companyId, { status: "INACTIVE", projects: { [ids["A 2"]!]: "INACTIVE" } });
    await createContact(db.prisma, companyId, { projects: { [ids["A 2"]!]: "REMOVED" } });
    const { rows } = await listProjectsPage(db.prisma, actorOf(companyId, "ADMIN"), firstPage);
    expect(rows.map((r) => [r.name, r.activeContacts, r.inactiveContacts])).toEqual([
      ["A 1", 2, 0],
      ["A 2", 1, 1],
    ]);
  });

  test("lists and offers only the projects whose directory the user may see, never another company's", async () => {
    const { companyId, ids } = await companyWith([{ name: "Granted" }, { name: "Closed" }, { name: "Open" }]);
    await companyWith([{ name: "Granted" }, { name: "Theirs" }]);
    const visible = async (actor: Actor) => ({
      page: names((await listProjectsPage(db.prisma, actor, firstPage)).rows),
      picker: names(await searchProjects(db.prisma, { actor, q: "", limit: 20 })),
    });
    // A project-level grant on a company at None: that project only.
    expect(await visible(actorOf(companyId, "NONE", { [ids.Granted!]: "READ_ONLY" }))).toEqual({
      page: ["Granted"],
      picker: ["Granted"],
    });
    // A project set to None on a company at Read Only: every other one.
    expect(await visible(actorOf(companyId, "READ_ONLY", { [ids.Closed!]: "NONE" }))).toEqual({
      page: ["Granted", "Open"],
      picker: ["Granted", "Open"],
    });
    // A company admin sees all, whatever a project says.
    expect(await visible(actorOf(companyId, "ADMIN", { [ids.Closed!]: "NONE" }))).toEqual({
      page: ["Closed", "Granted", "Open"],
      picker: ["Closed", "Granted", "Open"],
    });
    expect(await visible(actorOf(companyId, "NONE"))).toEqual({ page: [], picker: [] });
  });

  test("a picker gets the first matches in order, as many as it asks for", async () => {
    const { companyId } = await companyWith(Array.from({ length: 30 }, (_, i) => ({ name: `Lot ${30 - i}` })));
    const options = await searchProjects(db.prisma, { actor: actorOf(companyId, "ADMIN"), q: "lot", limit: 3 });
    expect(names(options)).toEqual(["Lot 1", "Lot 2", "Lot 3"]);
  });
});
