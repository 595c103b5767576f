import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { searchActiveContactsAction } from "@/features/contacts/actions";
import { addCrewMembersAction } from "@/features/crews/actions";
import type { Database } from "@/server/db/open-database";
import { closeApiTestDatabase, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject, membershipStatuses } from "../helpers/factories";
import { createUserWithPassword, signIn } from "../helpers/sessions";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

describe.each(TEST_DATABASES)("who a crew may take, on %s", (kind) => {
  let db: Database;
  let companyId: string;
  let p: string;
  let standard: string;
  let projectAdmin: string;

  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
    companyId = (await createCompany(db.prisma)).id;
    p = (await createProject(db.prisma, companyId)).id;
    const [s, a] = await Promise.all([
      createUserWithPassword(db.prisma, companyId, "STANDARD"),
      createUserWithPassword(db.prisma, companyId, "READ_ONLY", { [p]: "ADMIN" }),
    ]);
    [standard, projectAdmin] = await Promise.all([signIn(db.prisma, s.email), signIn(db.prisma, a.email)]);
  });
  afterAll(() => closeApiTestDatabase(db));

  /** A crew on P, and three active contacts: on P, never on P, removed from P by an Admin. */
  async function world() {
    const lastName = `Crewtest ${randomUUID().slice(0, 8)}`;
    const crew = await db.prisma.crew.create({ data: { companyId, projectId: p, name: `Crew ${lastName}` } });
    const [on, never, removed] = await Promise.all([
      createContact(db.prisma, companyId, { lastName, firstName: "On", projects: { [p]: "ACTIVE" } }),
      createContact(db.prisma, companyId, { lastName, firstName: "Never" }),
      createContact(db.prisma, companyId, { lastName, firstName: "Removed", projects: { [p]: "REMOVED" } }),
    ]);
    return { lastName, crewId: crew.id, on: on.id, never: never.id, removed: removed.id };
  }
  const crewOf = async (crewId: string) =>
    (await db.prisma.crewMember.findMany({ where: { companyId, crewId }, select: { contactId: true } }))
      .map((m) => m.contactId)
      .sort();

  test("a Standard user puts on a crew only people already on the project's directory, and adds nobody to the project", async () => {
    const w = await world();
    request.headers = new Headers({ cookie: standard });
    const result = await addCrewMembersAction({ companyId, crewId: w.crewId, contactIds: [w.on, w.never, w.removed] });
    expect(result).toEqual({
      data: {
        added: 1,
        skipped: [
          { id: w.never, reason: "not on project" },
          { id: w.removed, reason: "not on project" },
        ],
      },
      error: null,
    });
    expect(await crewOf(w.crewId)).toEqual([w.on]);
    expect(await membershipStatuses(db.prisma, { companyId, id: w.never })).toEqual({});
    expect(await membershipStatuses(db.prisma, { companyId, id: w.removed })).toEqual({ [p]: "REMOVED" });
    expect(await db.prisma.contactEvent.count({ where: { companyId, contactId: { in: [w.never, w.removed] } } })).toBe(
      0,
    );
  });

  test("the project's Admin may put anyone active on a crew, who then joins the directory", async () => {
    const w = await world();
    request.headers = new Headers({ cookie: projectAdmin });
    const result = await addCrewMembersAction({ companyId, crewId: w.crewId, contactIds: [w.on, w.never, w.removed] });
    expect(result).toEqual({ data: { added: 3, skipped: [] }, error: null });
    expect(await membershipStatuses(db.prisma, { companyId, id: w.never })).toEqual({ [p]: "ACTIVE" });
    expect(await membershipStatuses(db.prisma, { companyId, id: w.removed })).toEqual({ [p]: "ACTIVE" });
  });

  test("the crew's picker offers a Standard user only the people on the project's directory", async () => {
    const w = await world();
    const offered = async (cookie: string) => {
      request.headers = new Headers({ cookie });
      const { data } = await searchActiveContactsAction({ companyId, projectId: p, q: w.lastName });
      return (data ?? []).map((c) => c.id).sort();
    };
    expect(await offered(standard)).toEqual([w.on]);
    expect(await offered(projectAdmin)).toEqual([w.on, w.never, w.removed].sort());
  });
});
