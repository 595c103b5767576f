import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { countContacts } from "@/server/contacts/count-contacts";
import { dismissDuplicateGroup, findDuplicateGroupRows } from "@/server/contacts/find-duplicate-groups";
import { inactivateContacts } from "@/server/contacts/inactivate-contacts";
import { reactivateContacts } from "@/server/contacts/reactivate-contacts";
import { updateContact } from "@/server/contacts/update-contact";
import { mergeContacts } from "@/server/contacts/merge-contacts";
import { readDuplicateGroupCount } from "@/server/contacts/read-duplicate-group-count";
import type { Database } from "@/server/db/open-database";
import { keptCountLockKey } from "@/server/db/read-kept-count";
import { undoBatch } from "@/server/history/undo-batch";
import { openTestDatabase, TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject } from "../helpers/factories";

// The Contacts tab's "Duplicates (N)" link and the directory's tab counts are kept counts
// (src/server/db/read-kept-count.ts); these tests hold them to a fresh count after every kind of change.
describe.each(TEST_DATABASES)("the Duplicates link's count on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db.close());

  const pageTotal = async (companyId: string) =>
    (await findDuplicateGroupRows(db.prisma, { companyId, page: 1, perPage: 25 })).total;
  const linkCount = (companyId: string) => readDuplicateGroupCount(db.prisma, companyId);
  const computedAt = async (companyId: string) =>
    (await db.prisma.duplicateGroupCount.findUnique({ where: { companyId }, select: { computedAt: true } }))
      ?.computedAt;

  test("matches the Duplicates page after a create, a merge, its undo, a dismissal and an inactivation", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    expect(await linkCount(companyId)).toBe(0);

    const ana = await createContact(db.prisma, companyId, { firstName: "Ana", lastName: "Ruiz" });
    const ana2 = await createContact(db.prisma, companyId, { firstName: "ANA", lastName: "Ruíz" });
    expect(await linkCount(companyId)).toBe(1);
    const bo = await createContact(db.prisma, companyId, { firstName: "Bo", lastName: "Chen", email: "bo@x.example" });
    await createContact(db.prisma, companyId, { firstName: "Robert", lastName: "Chen-Li", email: "BO@x.example" });
    expect(await linkCount(companyId)).toBe(2);
    expect(await pageTotal(companyId)).toBe(2);

    const { batchId } = await mergeContacts(db.prisma, { companyId, keepId: ana.id, mergeIds: [ana2.id] });
    expect(await linkCount(companyId)).toBe(1);
    expect(await pageTotal(companyId)).toBe(1);
    await undoBatch(db.prisma, { companyId, batchId });
    expect(await linkCount(companyId)).toBe(2);

    const [group] = (await findDuplicateGroupRows(db.prisma, { companyId, reason: "same_email", page: 1, perPage: 1 }))
      .groups;
    expect(await dismissDuplicateGroup(db.prisma, { companyId, groupId: group!.id, userId: null })).toBe(true);
    expect(await linkCount(companyId)).toBe(1);
    expect(await pageTotal(companyId)).toBe(1);
    // A dismissed group comes back when one of its contacts changes, inactivation included.
    await inactivateContacts(db.prisma, { companyId, contactIds: [bo.id] });
    expect(await linkCount(companyId)).toBe(2);
    expect(await pageTotal(companyId)).toBe(2);
  });

  test("is read without grouping again while nothing changed, and another company's change leaves it alone", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const { id: otherId } = await createCompany(db.prisma);
    await createContact(db.prisma, companyId, { firstName: "Cy", lastName: "Diaz" });
    await createContact(db.prisma, companyId, { firstName: "Cy", lastName: "Diaz" });
    expect(await linkCount(companyId)).toBe(1);
    const counted = await computedAt(companyId);
    await createContact(db.prisma, otherId, { firstName: "Cy", lastName: "Diaz" });
    await createContact(db.prisma, otherId, { firstName: "Cy", lastName: "Diaz" });
    expect(await linkCount(companyId)).toBe(1);
    expect(await computedAt(companyId)).toEqual(counted);
    expect(await linkCount(otherId)).toBe(1);
  });

  // Two transactions at once need two connections: PGlite runs one at a time.
  test.runIf(kind === "postgres")(
    "a change still uncommitted while the count runs is counted by the next reader",
    async () => {
      const { id: companyId } = await createCompany(db.prisma);
      await createContact(db.prisma, companyId, { firstName: "Di", lastName: "Evans" });
      await createContact(db.prisma, companyId, { firstName: "Di", lastName: "Evans" });
      expect(await linkCount(companyId)).toBe(1);
      await createContact(db.prisma, companyId, { firstName: "Ed", lastName: "Fox" });

      let entered!: () => void;
      let release!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const gate = new Promise<void>((resolve) => (release = resolve));
      const writer = db.prisma.$transaction(
        async (tx) => {
          await tx.contact.create({ data: { companyId, firstName: "Ed", lastName: "Fox" } });
          entered();
          await gate;
        },
        { timeout: 30_000 },
      );
      await inside;
      // Counts again for the committed Fox, without the uncommitted second one.
      expect(await linkCount(companyId)).toBe(1);
      release();
      await writer;
      expect(await linkCount(companyId)).toBe(2);
      expect(await pageTotal(companyId)).toBe(2);
    },
  );

  test.runIf(kind === "postgres")(
    "while one reader counts, another is given the previous count instead of counting too",
    async () => {
      const { id: companyId } = await createCompany(db.prisma);
      await createContact(db.prisma, companyId, { firstName: "Flo", lastName: "Gray" });
      await createContact(db.prisma, companyId, { firstName: "Flo", lastName: "Gray" });
      expect(await linkCount(companyId)).toBe(1);
      await createContact(db.prisma, companyId, { firstName: "Gus", lastName: "Hill" });
      await createContact(db.prisma, companyId, { firstName: "Gus", lastName: "Hill" });

      let entered!: () => void;
      let release!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const gate = new Promise<void>((resolve) => (release = resolve));
      const counting = db.prisma.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${keptCountLockKey("DuplicateGroupCount", companyId)}))`;
          entered();
          await gate;
        },
        { timeout: 30_000 },
      );
      await inside;
      expect(await linkCount(companyId)).toBe(1);
      release();
      await counting;
      expect(await linkCount(companyId)).toBe(2);
    },
  );
});

describe.each(TEST_DATABASES)("the company directory's tab counts on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db.close());

  const fresh = async (companyId: string) => {
    const rows = await db.prisma.contact.groupBy({ by: ["status"], where: { companyId }, _count: { _all: true } });
    const n = (status: string) => rows.find((r) => r.status === status)?._count._all ?? 0;
    return { active: n("ACTIVE"), inactive: n("INACTIVE") };
  };
  const tabs = (companyId: string) => countContacts(db.prisma, { companyId });
  const computedAt = async (companyId: string) =>
    (await db.prisma.contactStatusCount.findUnique({ where: { companyId }, select: { computedAt: true } }))?.computedAt;

  test("follow creates, inactivations, reactivations and merges; an edit of a name counts nothing again", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    expect(await tabs(companyId)).toEqual({ active: 0, inactive: 0 });
    const a = await createContact(db.prisma, companyId, { firstName: "Ida", lastName: "Jones" });
    const b = await createContact(db.prisma, companyId, { firstName: "Ida", lastName: "Jones" });
    await createContact(db.prisma, companyId, { status: "INACTIVE" });
    expect(await tabs(companyId)).toEqual({ active: 2, inactive: 1 });

    await inactivateContacts(db.prisma, { companyId, contactIds: [a.id] });
    expect(await tabs(companyId)).toEqual({ active: 1, inactive: 2 });
    await reactivateContacts(db.prisma, { companyId, contactIds: [a.id] });
    expect(await tabs(companyId)).toEqual({ active: 2, inactive: 1 });

    const counted = await computedAt(companyId);
    await updateContact(db.prisma, { companyId, contactId: b.id, patch: { jobTitle: "Welder" } });
    expect(await tabs(companyId)).toEqual({ active: 2, inactive: 1 });
    expect(await computedAt(companyId)).toEqual(counted);

    await mergeContacts(db.prisma, { companyId, keepId: a.id, mergeIds: [b.id] });
    expect(await tabs(companyId)).toEqual({ active: 1, inactive: 1 });
    expect(await tabs(companyId)).toEqual(await fresh(companyId));
  });

  test("a project's directory is counted from its memberships, not the company's kept count", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const { id: projectId } = await createProject(db.prisma, companyId);
    await createContact(db.prisma, companyId, { projects: { [projectId]: "ACTIVE" } });
    await createContact(db.prisma, companyId);
    expect(await countContacts(db.prisma, { companyId, projectId })).toEqual({ active: 1, inactive: 0 });
    expect(await tabs(companyId)).toEqual({ active: 2, inactive: 0 });
  });
});
