import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { MembershipStatus } from "@/generated/prisma/enums";
import { changeContactStatus } from "@/server/contacts/change-contact-status";
import {
  countDuplicateGroups,
  dismissDuplicateGroup,
  findDuplicateGroupRows,
} from "@/server/contacts/find-duplicate-groups";
import { findDuplicateContacts } from "@/server/contacts/find-duplicate-contacts";
import { listContacts } from "@/server/contacts/list-contacts";
import { mergeContacts } from "@/server/contacts/merge-contacts";
import { updateContact } from "@/server/contacts/update-contact";
import { createCrew } from "@/server/crews/create-crew";
import type { Database } from "@/server/db/open-database";
import { DomainError } from "@/server/errors";
import type { ChangedBy } from "@/server/history/changed-by";
import { listContactHistory } from "@/server/history/list-history";
import { undoBatch } from "@/server/history/undo-batch";
import { mergeContactsSchema } from "@/shared/contact-merge";
import { FOLD_FROM, foldText } from "@/shared/fold-text";
import { companySnapshot } from "../helpers/api";
import { openTestDatabase, TEST_DATABASES } from "../helpers/database";
import { createCompany, createProject, createVendor } from "../helpers/factories";
import { InjectedFault, type FaultPlan } from "../helpers/faults";
import { openFaultyDatabase } from "../helpers/faulty-database";

const ADA: ChangedBy = { actorId: null, actorName: "Ada Admin", reason: "Same welder" };

type Seed = {
  firstName?: string;
  lastName?: string;
  email?: string | null;
  phone?: string | null;
  employeeId?: string | null;
  jobTitle?: string | null;
  vendorId?: string | null;
  status?: "ACTIVE" | "INACTIVE";
  projects?: Record<string, MembershipStatus>;
};

async function contact(prisma: PrismaClient, companyId: string, seed: Seed = {}) {
  const status = seed.status ?? "ACTIVE";
  const c = await prisma.contact.create({
    data: {
      companyId,
      firstName: seed.firstName ?? "Pat",
      lastName: seed.lastName ?? `Worker${Math.random().toString(36).slice(2, 8)}`,
      email: seed.email ?? null,
      phone: seed.phone ?? null,
      employeeId: seed.employeeId ?? null,
      jobTitle: seed.jobTitle ?? null,
      vendorId: seed.vendorId ?? null,
      status,
      inactivatedAt: status === "INACTIVE" ? new Date() : null,
    },
  });
  for (const [projectId, membership] of Object.entries(seed.projects ?? {})) {
    await prisma.projectContact.create({
      data: {
        companyId,
        projectId,
        contactId: c.id,
        status: membership,
        removedAt: membership === "REMOVED" ? new Date() : null,
      },
    });
  }
  return c;
}

/** What a merge and its undo touch, without the history (which an undo only adds to). */
async function rows(prisma: PrismaClient, companyId: string) {
  const { contacts, memberships, crewMembers } = await companySnapshot(prisma, companyId);
  return { contacts, memberships, crewMembers };
}

describe.each(TEST_DATABASES)("duplicate contacts on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  const groupsOf = async (companyId: string, reason?: Parameters<typeof findDuplicateGroupRows>[1]["reason"]) =>
    (await findDuplicateGroupRows(db.prisma, { companyId, reason, page: 1, perPage: 100 })).groups;

  test("groups contacts by employee ID, email (any case), phone digits and folded names, strongest first", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const vendor = await createVendor(db.prisma, companyId);
    const other = await createVendor(db.prisma, companyId);
    const badge = [
      await contact(db.prisma, companyId, { employeeId: "E-77" }),
      await contact(db.prisma, companyId, { employeeId: " e-77 " }),
    ];
    const mail = [
      await contact(db.prisma, companyId, { email: "Maria@Example.com" }),
      await contact(db.prisma, companyId, { email: "maria@example.com" }),
    ];
    const phone = [
      await contact(db.prisma, companyId, { phone: "817-213-2082" }),
      await contact(db.prisma, companyId, { phone: "(817) 213 2082" }),
    ];
    const name = [
      await contact(db.prisma, companyId, { firstName: "José", lastName: "García", vendorId: vendor.id }),
      await contact(db.prisma, companyId, { firstName: "jose", lastName: "GARCIA" }),
    ];
    // Same name at two different companies: two people.
    await contact(db.prisma, companyId, { firstName: "Li", lastName: "Wei", vendorId: vendor.id });
    await contact(db.prisma, companyId, { firstName: "Li", lastName: "Wei", vendorId: other.id });
    const similar = [
      await contact(db.prisma, companyId, { firstName: "Jonathan", lastName: "Smithers", vendorId: other.id }),
      await contact(db.prisma, companyId, { firstName: "Jonathon", lastName: "Smithers", vendorId: other.id }),
    ];
    // A short phone (an extension) and an inactive contact's email count as they should.
    await contact(db.prisma, companyId, { phone: "12" });
    await contact(db.prisma, companyId, { phone: "1-2" });

    const groups = await groupsOf(companyId);
    const ids = (cs: { id: string }[]) => cs.map((c) => c.id).sort();
    expect(groups.map((g) => [g.reasons, g.contactIds])).toEqual([
      [["same_employee_id"], ids(badge)],
      [["same_email"], ids(mail)],
      [["same_phone"], ids(phone)],
      [["same_name"], ids(name)],
      [["similar_name"], ids(similar)],
    ]);
    expect((await groupsOf(companyId, "same_phone")).map((g) => g.contactIds)).toEqual([ids(phone)]);
    expect(await countDuplicateGroups(db.prisma, { companyId })).toBe(5);
    // The id is a hash of the contacts' ids: the same on every read.
    expect((await groupsOf(companyId)).map((g) => g.id)).toEqual(groups.map((g) => g.id));
  });

  test("a group with several reasons is one group; merged and other companies' contacts are in none", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const a = await contact(db.prisma, companyId, {
      firstName: "Ann",
      lastName: "Lee",
      email: "ann@x.com",
      phone: "555 010 0199",
    });
    const b = await contact(db.prisma, companyId, {
      firstName: "ann",
      lastName: "lee",
      email: "ANN@x.com",
      phone: "5550100199",
    });
    const elsewhere = await createCompany(db.prisma);
    await contact(db.prisma, elsewhere.id, { firstName: "Ann", lastName: "Lee", email: "ann@x.com" });
    const [group] = await groupsOf(companyId);
    expect(group).toMatchObject({
      contactIds: [a.id, b.id].sort(),
      reasons: ["same_email", "same_phone", "same_name"],
    });
    await mergeContacts(db.prisma, { companyId, keepId: a.id, mergeIds: [b.id], by: ADA });
    expect(await groupsOf(companyId)).toEqual([]);
  });

  test("Not duplicates keeps a group out until one of its contacts changes", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const a = await contact(db.prisma, companyId, { email: "sam@x.com" });
    await contact(db.prisma, companyId, { email: "sam@x.com" });
    const [group] = await groupsOf(companyId);
    expect(await dismissDuplicateGroup(db.prisma, { companyId, groupId: group!.id, userId: null })).toBe(true);
    expect(await groupsOf(companyId)).toEqual([]);
    expect(await dismissDuplicateGroup(db.prisma, { companyId, groupId: group!.id, userId: null })).toBe(false);
    const elsewhere = await createCompany(db.prisma);
    expect(await dismissDuplicateGroup(db.prisma, { companyId: elsewhere.id, groupId: group!.id, userId: null })).toBe(
      false,
    );
    await updateContact(db.prisma, { companyId, contactId: a.id, patch: { jobTitle: "Welder" }, by: ADA });
    expect((await groupsOf(companyId)).map((g) => g.id)).toEqual([group!.id]);
  });

  test("search finds a phone whatever its format, and a name without its accents", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const c = await contact(db.prisma, companyId, { firstName: "José", lastName: "Núñez", phone: "(817) 213-2082" });
    const search = async (q: string) =>
      (
        await listContacts(db.prisma, {
          companyId,
          status: "ACTIVE",
          q,
          sort: "name.asc",
          page: 1,
          perPage: 25,
        } as Parameters<typeof listContacts>[1])
      ).rows.map((r) => r.id);
    for (const q of ["817-213-2082", "8172132082", "(817) 213-2082", "jose nunez", "JOSÉ", "Nunez 2132082"]) {
      expect(await search(q), q).toEqual([c.id]);
    }
    expect(await search("817-213-2083")).toEqual([]);
  });

  test("the database folds every accented letter as the search's words are folded", async () => {
    const [row] = await db.prisma.$queryRaw<{ folded: string }[]>`SELECT rollcall_fold(${FOLD_FROM}) AS folded`;
    expect(row!.folded).toBe(foldText(FOLD_FROM));
  });
});

describe.each(TEST_DATABASES)("merging contacts on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  async function world() {
    const { id: companyId } = await createCompany(db.prisma);
    const p = await Promise.all([1, 2, 3, 4].map((n) => createProject(db.prisma, companyId, `Site ${n}`)));
    const vendor = await createVendor(db.prisma, companyId);
    const keep = await contact(db.prisma, companyId, {
      firstName: "Jose",
      lastName: "Garcia",
      employeeId: "B-1",
      projects: { [p[0]!.id]: "ACTIVE", [p[3]!.id]: "REMOVED" },
    });
    const other = await contact(db.prisma, companyId, {
      firstName: "José",
      lastName: "García",
      employeeId: "B-1",
      phone: "817 213 2082",
      vendorId: vendor.id,
      status: "INACTIVE",
      projects: { [p[0]!.id]: "INACTIVE", [p[1]!.id]: "INACTIVE", [p[2]!.id]: "REMOVED", [p[3]!.id]: "INACTIVE" },
    });
    const crewA = await createCrew(db.prisma, { companyId, projectId: p[0]!.id, name: "Welding" });
    const crewB = await createCrew(db.prisma, { companyId, projectId: p[1]!.id, name: "Framing" });
    await db.prisma.crewMember.createMany({
      data: [
        { companyId, crewId: crewA.id, contactId: keep.id },
        { companyId, crewId: crewA.id, contactId: other.id },
        { companyId, crewId: crewB.id, contactId: other.id },
      ],
    });
    return { companyId, p: p.map((x) => x.id), vendor, keep, other, crewA, crewB };
  }

  const memberships = async (contact: { companyId: string; id: string }) =>
    Object.fromEntries(
      (await db.prisma.projectContact.findMany({ where: { companyId: contact.companyId, contactId: contact.id } })).map(
        (m) => [m.projectId, m.status],
      ),
    );

  test("the kept contact takes the chosen fields, every project any of them was on (once) and their crew spots", async () => {
    const { companyId, p, vendor, keep, other, crewA, crewB } = await world();
    const { batchId, contact: kept } = await mergeContacts(db.prisma, {
      companyId,
      keepId: keep.id,
      mergeIds: [other.id],
      fields: { firstName: other.id, vendorId: other.id, phone: other.id },
      by: ADA,
    });
    expect(kept).toMatchObject({ firstName: "José", lastName: "Garcia", phone: "817 213 2082", status: "ACTIVE" });
    expect(kept.vendor?.id).toBe(vendor.id);
    // Site 3 was a removal of the other contact only: it stays a removal. Site 4: the kept contact had been removed, the other was on it.
    expect(await memberships(keep)).toEqual({ [p[0]!]: "ACTIVE", [p[1]!]: "ACTIVE", [p[3]!]: "ACTIVE" });
    expect(await memberships(other)).toEqual({ [p[0]!]: "REMOVED", [p[2]!]: "REMOVED", [p[3]!]: "REMOVED" });
    const merged = await db.prisma.contact.findUniqueOrThrow({ where: { companyId_id: { companyId, id: other.id } } });
    expect(merged).toMatchObject({ status: "MERGED", mergedIntoId: keep.id, inactivatedAt: null });
    const spots = await db.prisma.crewMember.findMany({ where: { companyId }, orderBy: { crewId: "asc" } });
    expect(spots.map((s) => [s.crewId, s.contactId]).sort()).toEqual(
      [
        [crewA.id, keep.id],
        [crewB.id, keep.id],
      ].sort(),
    );

    const history = (await listContactHistory(db.prisma, companyId, keep.id))!;
    // The kept contact's timeline holds the other's history too, each entry naming whose it was.
    expect(history.filter((e) => e.contact.id === other.id).map((e) => e.action)).toEqual(["contact.merged_into"]);
    const event = history.find((e) => e.action === "contact.merged");
    expect(event).toMatchObject({
      action: "contact.merged",
      batchId,
      reason: "Same welder",
      changes: {
        mergedIds: [other.id],
        fields: {
          firstName: { from: "Jose", to: "José", fromContactId: other.id },
          vendorId: { from: null, to: vendor.id, fromContactId: other.id },
        },
        projectIds: [p[1], p[3]].sort(),
        crewIds: [crewB.id],
      },
    });
    const [into] = (await listContactHistory(db.prisma, companyId, other.id))!;
    expect(into).toMatchObject({ action: "contact.merged_into", changes: { mergedIntoId: keep.id } });
    // The merged contact is on no tab and in no count.
    const listed = await listContacts(db.prisma, {
      companyId,
      status: "INACTIVE",
      q: "",
      sort: "name.asc",
      page: 1,
      perPage: 25,
    } as Parameters<typeof listContacts>[1]);
    expect(listed.total).toBe(0);
  });

  test("an inactive kept contact takes the others' projects as inactive memberships; a chosen status is applied", async () => {
    const { companyId, p, keep, other } = await world();
    // Keep the inactive one: memberships come back with a reactivation, none is active.
    const { contact: kept } = await mergeContacts(db.prisma, { companyId, keepId: other.id, mergeIds: [keep.id] });
    expect(kept.status).toBe("INACTIVE");
    expect(await memberships(other)).toEqual({
      [p[0]!]: "INACTIVE",
      [p[1]!]: "INACTIVE",
      [p[2]!]: "REMOVED",
      [p[3]!]: "INACTIVE",
    });
    const second = await world();
    const { contact: active } = await mergeContacts(db.prisma, {
      companyId: second.companyId,
      keepId: second.other.id,
      mergeIds: [second.keep.id],
      status: "ACTIVE",
    });
    expect(active).toMatchObject({ status: "ACTIVE", inactivatedAt: null });
    expect(Object.values(await memberships(second.other)).sort()).toEqual(["ACTIVE", "ACTIVE", "ACTIVE", "REMOVED"]);
  });

  test("undo puts back every contact, field, membership and crew spot exactly; a second undo is refused", async () => {
    const { companyId, keep, other } = await world();
    const before = await rows(db.prisma, companyId);
    const { batchId } = await mergeContacts(db.prisma, {
      companyId,
      keepId: keep.id,
      mergeIds: [other.id],
      fields: { phone: other.id, firstName: other.id },
      status: "INACTIVE",
      by: ADA,
    });
    expect(await rows(db.prisma, companyId)).not.toEqual(before);
    const undone = await undoBatch(db.prisma, { companyId, batchId, by: ADA });
    expect(undone.contactIds.sort()).toEqual([keep.id, other.id].sort());
    expect(await rows(db.prisma, companyId)).toEqual(before);
    await expect(undoBatch(db.prisma, { companyId, batchId, by: ADA })).rejects.toThrow("already undone");
  });

  test("undo is refused, naming the contact, once the kept contact has changed since; nothing is undone", async () => {
    const { companyId, keep, other } = await world();
    const { batchId } = await mergeContacts(db.prisma, { companyId, keepId: keep.id, mergeIds: [other.id] });
    await updateContact(db.prisma, { companyId, contactId: keep.id, patch: { jobTitle: "Foreman" }, by: ADA });
    const after = await rows(db.prisma, companyId);
    const refusal = await undoBatch(db.prisma, { companyId, batchId }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).message).toContain("Jose Garcia");
    expect(await rows(db.prisma, companyId)).toEqual(after);
  });

  test("refuses, changing nothing: itself, twice, an already merged contact, another company's, more than 10", async () => {
    const { companyId, keep, other } = await world();
    const third = await contact(db.prisma, companyId);
    const elsewhere = await createCompany(db.prisma);
    const stranger = await contact(db.prisma, elsewhere.id);
    const before = await rows(db.prisma, companyId);
    await expect(mergeContacts(db.prisma, { companyId, keepId: keep.id, mergeIds: [keep.id] })).rejects.toThrow(
      DomainError,
    );
    await expect(
      mergeContacts(db.prisma, { companyId, keepId: keep.id, mergeIds: [other.id, other.id] }),
    ).rejects.toThrow(DomainError);
    await expect(
      mergeContacts(db.prisma, { companyId, keepId: keep.id, mergeIds: [stranger.id] }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await rows(db.prisma, companyId)).toEqual(before);
    await mergeContacts(db.prisma, { companyId, keepId: keep.id, mergeIds: [other.id] });
    const merged = await rows(db.prisma, companyId);
    await expect(mergeContacts(db.prisma, { companyId, keepId: third.id, mergeIds: [other.id] })).rejects.toMatchObject(
      {
        code: "conflict",
      },
    );
    await expect(mergeContacts(db.prisma, { companyId, keepId: other.id, mergeIds: [third.id] })).rejects.toMatchObject(
      {
        code: "conflict",
      },
    );
    expect(await rows(db.prisma, companyId)).toEqual(merged);
    const ids = Array.from({ length: 10 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    expect(mergeContactsSchema.safeParse({ keepId: keep.id, mergeIds: ids }).success).toBe(false);
    expect(mergeContactsSchema.safeParse({ keepId: keep.id, mergeIds: [keep.id.toUpperCase()] }).success).toBe(false);
  });

  test("bulk inactivation skips a merged contact with the reason 'merged'", async () => {
    const { companyId, keep, other } = await world();
    await mergeContacts(db.prisma, { companyId, keepId: keep.id, mergeIds: [other.id] });
    const r = await changeContactStatus(db.prisma, { companyId, contactIds: [keep.id, other.id], to: "INACTIVE" });
    expect(r.changed).toEqual([keep.id]);
    expect(r.skipped).toEqual([{ id: other.id, reason: "merged" }]);
  });
});

describe.each(TEST_DATABASES)(
  "a failure at any statement of a merge or its undo leaves nothing changed, on %s",
  (kind) => {
    let db: Database;
    let faulty: PrismaClient;
    const plan: FaultPlan = { failAt: null, seen: 0 };
    let closeFaulty: () => Promise<void>;
    beforeAll(async () => {
      ({ db, faulty, close: closeFaulty } = await openFaultyDatabase(kind, plan));
    });
    afterAll(() => closeFaulty?.());

    async function setup(undo: boolean) {
      const { id: companyId } = await createCompany(db.prisma);
      const p = await createProject(db.prisma, companyId);
      const q = await createProject(db.prisma, companyId);
      const keep = await contact(db.prisma, companyId, { projects: { [p.id]: "ACTIVE" } });
      const other = await contact(db.prisma, companyId, { status: "INACTIVE", projects: { [q.id]: "INACTIVE" } });
      const crew = await createCrew(db.prisma, { companyId, projectId: q.id, name: "Crew" });
      await db.prisma.crewMember.create({ data: { companyId, crewId: crew.id, contactId: other.id } });
      const merge = (prisma: PrismaClient) =>
        mergeContacts(prisma, { companyId, keepId: keep.id, mergeIds: [other.id], fields: { email: other.id } });
      if (!undo) return { companyId, run: merge };
      const { batchId } = await merge(db.prisma);
      return { companyId, run: (prisma: PrismaClient) => undoBatch(prisma, { companyId, batchId }) };
    }

    test.each([
      ["merge", false],
      ["undo of a merge", true],
    ])("%s", async (_name, undo) => {
      const counted = await setup(undo);
      const untouched = await companySnapshot(db.prisma, counted.companyId);
      plan.failAt = null;
      plan.seen = 0;
      await counted.run(faulty);
      const statements = plan.seen;
      expect(statements).toBeGreaterThan(3);
      expect(await companySnapshot(db.prisma, counted.companyId)).not.toEqual(untouched);
      for (let failAt = 1; failAt <= statements; failAt++) {
        const { companyId, run } = await setup(undo);
        const before = await companySnapshot(db.prisma, companyId);
        plan.failAt = failAt;
        plan.seen = 0;
        await expect(run(faulty), `fault at statement ${failAt} of ${statements}`).rejects.toBeInstanceOf(
          InjectedFault,
        );
        expect(await companySnapshot(db.prisma, companyId), `after a fault at ${failAt}`).toEqual(before);
      }
      plan.failAt = null;
    });
  },
);

describe.each(TEST_DATABASES)("the duplicate warning of Add Contact and the crews on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  test("warns by the Duplicates page's rules: phone digits, folded names, Employee ID; not of merged contacts", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const vendor = await createVendor(db.prisma, companyId);
    const jose = await contact(db.prisma, companyId, {
      firstName: "José",
      lastName: "García",
      phone: "(817) 213-2082",
      employeeId: "B-9",
      vendorId: vendor.id,
    });
    const find = (input: Partial<Parameters<typeof findDuplicateContacts>[1]>) =>
      findDuplicateContacts(db.prisma, { companyId, firstName: "Ann", lastName: "Other", ...input });
    expect((await find({ phone: "817.213.2082" })).map((d) => [d.id, d.reasons])).toEqual([[jose.id, ["same_phone"]]]);
    expect((await find({ firstName: "jose", lastName: "garcia" }))[0]?.reasons).toEqual(["same_name"]);
    expect((await find({ employeeId: " b-9" }))[0]?.reasons).toEqual(["same_employee_id"]);
    expect((await find({ firstName: "Josef", lastName: "Garcia", vendorId: vendor.id }))[0]?.reasons).toEqual([
      "similar_name",
    ]);
    expect(await find({ firstName: "Ann", lastName: "Other", phone: "1-2" })).toEqual([]);
    expect(await find({ phone: "8172132082", exceptId: jose.id })).toEqual([]);
    const twin = await contact(db.prisma, companyId, { firstName: "Jose", lastName: "Garcia" });
    await mergeContacts(db.prisma, { companyId, keepId: jose.id, mergeIds: [twin.id] });
    expect((await find({ firstName: "jose", lastName: "garcia" })).map((d) => d.id)).toEqual([jose.id]);
  });
});
