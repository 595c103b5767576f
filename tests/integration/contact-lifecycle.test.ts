import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/server/db/open-database";
import { inactivateContacts } from "@/server/contacts/inactivate-contacts";
import { reactivateContacts } from "@/server/contacts/reactivate-contacts";
import { TEST_DATABASES, openTestDatabase } from "../helpers/database";
import { createCompany, createContact, createProject, membershipStatuses } from "../helpers/factories";

describe.each(TEST_DATABASES)("contact lifecycle on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db.close());

  async function company() {
    const c = await createCompany(db.prisma);
    const projects = await Promise.all([1, 2, 3].map((n) => createProject(db.prisma, c.id, `Site ${n}`)));
    return { companyId: c.id, p: projects.map((p) => p.id) as [string, string, string] };
  }

  test("reactivation restores exactly the memberships that were active at inactivation", async () => {
    const { companyId, p } = await company();
    // Removed from p[2] before inactivation; removed from p[1] while inactive.
    const contact = await createContact(db.prisma, companyId, {
      projects: { [p[0]]: "ACTIVE", [p[1]]: "ACTIVE", [p[2]]: "REMOVED" },
    });

    const inactivated = await inactivateContacts(db.prisma, { companyId, contactIds: [contact.id] });
    expect(inactivated.changed).toEqual([contact.id]);
    expect(inactivated.projectIds.sort()).toEqual([p[0], p[1]].sort());
    expect(await membershipStatuses(db.prisma, contact)).toEqual({
      [p[0]]: "INACTIVE",
      [p[1]]: "INACTIVE",
      [p[2]]: "REMOVED",
    });
    const inactive = await db.prisma.contact.findUniqueOrThrow({
      where: { companyId_id: { companyId: contact.companyId, id: contact.id } },
    });
    expect(inactive.status).toBe("INACTIVE");
    expect(inactive.inactivatedAt).toBeInstanceOf(Date);

    await db.prisma.projectContact.updateMany({
      where: { companyId: contact.companyId, contactId: contact.id, projectId: p[1] },
      data: { status: "REMOVED", removedAt: new Date() },
    });

    const reactivated = await reactivateContacts(db.prisma, { companyId, contactIds: [contact.id] });
    expect(reactivated).toEqual({
      batchId: expect.any(String),
      changed: [contact.id],
      skipped: [],
      projectIds: [p[0]],
      membershipsChanged: 1,
    });
    expect(await membershipStatuses(db.prisma, contact)).toEqual({
      [p[0]]: "ACTIVE",
      [p[1]]: "REMOVED",
      [p[2]]: "REMOVED",
    });
    const active = await db.prisma.contact.findUniqueOrThrow({
      where: { companyId_id: { companyId: contact.companyId, id: contact.id } },
    });
    expect(active.status).toBe("ACTIVE");
    expect(active.inactivatedAt).toBeNull();
  });

  test("reports already-active, unknown and other-company ids as skipped and leaves them alone", async () => {
    const { companyId, p } = await company();
    const other = await company();
    const inactive = await createContact(db.prisma, companyId, {
      status: "INACTIVE",
      projects: { [p[0]]: "INACTIVE" },
    });
    const active = await createContact(db.prisma, companyId, { projects: { [p[1]]: "ACTIVE" } });
    const foreign = await createContact(db.prisma, other.companyId, {
      status: "INACTIVE",
      projects: { [other.p[0]]: "INACTIVE" },
    });
    const unknown = randomUUID();

    const result = await reactivateContacts(db.prisma, {
      companyId,
      contactIds: [inactive.id, active.id, foreign.id, unknown],
    });

    expect(result.changed).toEqual([inactive.id]);
    expect(result.skipped).toEqual([
      { id: active.id, reason: "already active" },
      { id: foreign.id, reason: "not found" },
      { id: unknown, reason: "not found" },
    ]);
    expect(result.projectIds).toEqual([p[0]]);
    const foreignAfter = await db.prisma.contact.findUniqueOrThrow({
      where: { companyId_id: { companyId: foreign.companyId, id: foreign.id } },
    });
    expect(foreignAfter.status).toBe("INACTIVE");
    expect(await membershipStatuses(db.prisma, foreign)).toEqual({ [other.p[0]]: "INACTIVE" });
  });

  test("inactivating skips contacts that are already inactive", async () => {
    const { companyId, p } = await company();
    const already = await createContact(db.prisma, companyId, { status: "INACTIVE", projects: { [p[0]]: "INACTIVE" } });
    const result = await inactivateContacts(db.prisma, { companyId, contactIds: [already.id] });
    expect(result).toEqual({
      batchId: null,
      changed: [],
      skipped: [{ id: already.id, reason: "already inactive" }],
      projectIds: [],
      membershipsChanged: 0,
    });
  });

  test("a failure after the first write rolls everything back", async () => {
    const { companyId, p } = await company();
    const contacts = await Promise.all(
      [0, 1, 2].map(() =>
        createContact(db.prisma, companyId, {
          status: "INACTIVE",
          projects: { [p[0]]: "INACTIVE", [p[1]]: "INACTIVE" },
        }),
      ),
    );
    // A real fault inside the database: the membership UPDATE (the statement after the
    // contacts have already been flipped) fails for this company only.
    const fn = `fail_${companyId.replaceAll("-", "")}`;
    await db.sql.exec(`
      CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."companyId" = '${companyId}' THEN RAISE EXCEPTION 'injected fault'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ${fn} BEFORE UPDATE ON "ProjectContact" FOR EACH ROW EXECUTE FUNCTION ${fn}();`);
    try {
      await expect(reactivateContacts(db.prisma, { companyId, contactIds: contacts.map((c) => c.id) })).rejects.toThrow(
        /injected fault/,
      );
    } finally {
      await db.sql.exec(`DROP TRIGGER ${fn} ON "ProjectContact"; DROP FUNCTION ${fn}();`);
    }

    const after = await db.prisma.contact.findMany({
      where: { companyId },
      select: { status: true, inactivatedAt: true },
    });
    expect(after.map((c) => c.status)).toEqual(["INACTIVE", "INACTIVE", "INACTIVE"]);
    expect(after.every((c) => c.inactivatedAt !== null)).toBe(true);
    for (const c of contacts) {
      expect(await membershipStatuses(db.prisma, c)).toEqual({ [p[0]]: "INACTIVE", [p[1]]: "INACTIVE" });
    }
  });

  test("the database refuses an active membership for an inactive contact", async () => {
    const { companyId, p } = await company();
    const contact = await createContact(db.prisma, companyId, { status: "INACTIVE", projects: { [p[0]]: "INACTIVE" } });
    await expect(
      db.prisma.projectContact.updateMany({
        where: { companyId: contact.companyId, contactId: contact.id },
        data: { status: "ACTIVE" },
      }),
    ).rejects.toThrow(/inactive contact cannot have an active project membership/);
    await expect(
      db.prisma.projectContact.create({
        data: { companyId, projectId: p[1], contactId: contact.id, status: "ACTIVE" },
      }),
    ).rejects.toThrow(/inactive contact cannot have an active project membership/);
    const active = await createContact(db.prisma, companyId, { projects: { [p[0]]: "ACTIVE" } });
    await expect(
      db.prisma.contact.update({
        where: { companyId_id: { companyId: active.companyId, id: active.id } },
        data: { status: "INACTIVE", inactivatedAt: new Date() },
      }),
    ).rejects.toThrow(/inactive contact cannot have an active project membership/);
  });

  test("changes a thousand contacts and their memberships in one call", async () => {
    const { companyId, p } = await company();
    const ids = Array.from({ length: 1000 }, () => randomUUID());
    await db.prisma.contact.createMany({
      data: ids.map((id, i) => ({ id, companyId, firstName: "Crew", lastName: `Member ${i}` })),
    });
    await db.prisma.projectContact.createMany({
      data: ids.flatMap((contactId) => p.map((projectId) => ({ companyId, projectId, contactId }))),
    });

    const inactivated = await inactivateContacts(db.prisma, { companyId, contactIds: ids });
    expect(inactivated.changed).toHaveLength(1000);
    expect(inactivated.membershipsChanged).toBe(3000);
    expect(inactivated.projectIds.sort()).toEqual([...p].sort());
    expect(await db.prisma.projectContact.count({ where: { companyId, status: "ACTIVE" } })).toBe(0);

    const reactivated = await reactivateContacts(db.prisma, { companyId, contactIds: ids });
    expect(reactivated.changed).toHaveLength(1000);
    expect(await db.prisma.projectContact.count({ where: { companyId, status: "ACTIVE" } })).toBe(3000);
  });

  test("overlapping bulk changes at the same moment each apply once, without deadlock", async () => {
    const { companyId, p } = await company();
    const contacts = await Promise.all(
      Array.from({ length: 40 }, () => createContact(db.prisma, companyId, { projects: { [p[0]]: "ACTIVE" } })),
    );
    const ids = contacts.map((c) => c.id);
    // Two admins: one takes the first 30, the other the last 30, in reverse order.
    const [a, b] = await Promise.all([
      inactivateContacts(db.prisma, { companyId, contactIds: ids.slice(0, 30) }),
      inactivateContacts(db.prisma, { companyId, contactIds: ids.slice(10).reverse() }),
    ]);
    expect(a.changed.length + b.changed.length).toBe(40);
    expect(new Set([...a.changed, ...b.changed]).size).toBe(40);
    expect(a.skipped.length + b.skipped.length).toBe(20);
    expect(await db.prisma.contact.count({ where: { companyId, status: "INACTIVE" } })).toBe(40);
  });
});
