import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { inactivateContactsAction, reactivateContactsAction } from "@/features/contacts/actions";
import { removeContactsFromProjectAction } from "@/features/contacts/membership-actions";
import { undoBatchAction } from "@/features/history/actions";
import type { Database } from "@/server/db/open-database";
import { closeApiTestDatabase, companySnapshot, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject, membershipStatuses } from "../helpers/factories";
import { createUserWithPassword, signIn } from "../helpers/sessions";

// Server actions read the session through next/headers; the cookie is a real sign-in's.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const everything = { q: "", vendor: null, project: null, origin: null };

describe.each(TEST_DATABASES)("Select all N matching contacts on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
  });
  afterAll(() => closeApiTestDatabase(db));

  async function company() {
    const c = await createCompany(db.prisma);
    const p = await createProject(db.prisma, c.id, "Harbor");
    const { email } = await createUserWithPassword(db.prisma, c.id, "ADMIN");
    request.headers = new Headers({ cookie: await signIn(db.prisma, email) });
    return { companyId: c.id, projectId: p.id };
  }

  test("the server resolves the selection from the tab's search and filters: matching contacts change, the rest do not", async () => {
    const { companyId, projectId } = await company();
    const garcias = await Promise.all(
      [1, 2, 3].map(() =>
        createContact(db.prisma, companyId, {
          lastName: "Garcia",
          status: "INACTIVE",
          projects: { [projectId]: "INACTIVE" },
        }),
      ),
    );
    const other = await createContact(db.prisma, companyId, { lastName: "Nguyen", status: "INACTIVE" });
    const activeGarcia = await createContact(db.prisma, companyId, { lastName: "Garcia" });

    const result = await reactivateContactsAction({
      companyId,
      matching: { ...everything, tab: "inactive-contacts", q: "garcia" },
      reason: "All back",
    });
    expect(result).toEqual({
      data: { batchId: expect.any(String), changed: 3, skipped: [], projectsAffected: 1 },
      error: null,
    });
    for (const g of garcias) expect(await membershipStatuses(db.prisma, g)).toEqual({ [projectId]: "ACTIVE" });
    expect(
      (
        await db.prisma.contact.findUniqueOrThrow({
          where: { companyId_id: { companyId: other.companyId, id: other.id } },
        })
      ).status,
    ).toBe("INACTIVE");
    expect(
      (
        await db.prisma.contact.findUniqueOrThrow({
          where: { companyId_id: { companyId: activeGarcia.companyId, id: activeGarcia.id } },
        })
      ).status,
    ).toBe("ACTIVE");

    // The whole selection is one batch, so one Undo takes it back.
    const undone = await undoBatchAction({ companyId, batchId: result.data!.batchId });
    expect(undone).toEqual({
      data: { batchId: expect.any(String), undone: 3, projectsAffected: 1, companiesUndone: 0 },
      error: null,
    });
    for (const g of garcias)
      expect(
        (await db.prisma.contact.findUniqueOrThrow({ where: { companyId_id: { companyId: g.companyId, id: g.id } } }))
          .status,
      ).toBe("INACTIVE");
  });

  test("on a project's directory, Remove from Project takes every matching member of that project only", async () => {
    const { companyId, projectId } = await company();
    const elsewhere = await createProject(db.prisma, companyId, "Elsewhere");
    const members = await Promise.all(
      [1, 2].map(() =>
        createContact(db.prisma, companyId, { projects: { [projectId]: "ACTIVE", [elsewhere.id]: "ACTIVE" } }),
      ),
    );
    const notMember = await createContact(db.prisma, companyId, { projects: { [elsewhere.id]: "ACTIVE" } });
    const result = await removeContactsFromProjectAction({
      companyId,
      projectId,
      matching: { ...everything, tab: "contacts" },
    });
    expect(result.data?.changed).toBe(2);
    for (const m of members)
      expect(await membershipStatuses(db.prisma, m)).toEqual({ [projectId]: "REMOVED", [elsewhere.id]: "ACTIVE" });
    expect(await membershipStatuses(db.prisma, notMember)).toEqual({ [elsewhere.id]: "ACTIVE" });
  });

  test("more than 10,000 matching is refused with the count, changing nothing; ids and matching together are refused", async () => {
    const { companyId } = await company();
    await db.sql.query(
      `INSERT INTO "Contact" ("companyId", "firstName", "lastName") SELECT $1, 'Crew', 'Member ' || g FROM generate_series(1, 10001) g`,
      [companyId],
    );
    const before = await companySnapshot(db.prisma, companyId);
    const refused = await inactivateContactsAction({ companyId, matching: { ...everything, tab: "contacts" } });
    expect(refused).toEqual({
      data: null,
      error:
        "10,001 contacts match: a bulk action can change at most 10,000 at once. Narrow the search or filters, then try again.",
    });
    const one = await db.prisma.contact.findFirstOrThrow({ where: { companyId } });
    const both = await inactivateContactsAction({
      companyId,
      contactIds: [one.id],
      matching: { ...everything, tab: "contacts" },
    });
    expect(both.error).toContain("either contactIds or matching");
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);

    // Narrowed to at most 10,000, it goes through.
    const narrowed = await inactivateContactsAction({
      companyId,
      matching: { ...everything, tab: "contacts", q: "member 1000" },
    });
    expect(narrowed.data?.changed).toBe(3); // Member 1000, 10000 and 10001
  });
});
