import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { createContact as createContactRecord } from "@/server/contacts/create-contact";
import { inactivateContacts } from "@/server/contacts/inactivate-contacts";
import { reactivateContacts } from "@/server/contacts/reactivate-contacts";
import { updateContact } from "@/server/contacts/update-contact";
import { addCrewMembers } from "@/server/crews/add-crew-members";
import { createCrew } from "@/server/crews/create-crew";
import type { Database } from "@/server/db/open-database";
import { DomainError } from "@/server/errors";
import type { ChangedBy } from "@/server/history/changed-by";
import { listContactHistory } from "@/server/history/list-history";
import { undoBatch } from "@/server/history/undo-batch";
import { withIdempotency } from "@/server/idempotency/with-idempotency";
import { addContactsToProject } from "@/server/projects/add-contacts-to-project";
import { removeContactsFromProject } from "@/server/projects/remove-contacts-from-project";
import { companySnapshot } from "../helpers/api";
import { openTestDatabase, TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject, membershipStatuses } from "../helpers/factories";
import { InjectedFault, type FaultPlan } from "../helpers/faults";
import { openFaultyDatabase } from "../helpers/faulty-database";

const ADA: ChangedBy = { actorId: null, actorName: "Ada Admin", reason: "Crew demobilized" };

describe.each(TEST_DATABASES)("change history and undo on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  async function company() {
    const c = await createCompany(db.prisma);
    const projects = await Promise.all([1, 2, 3].map((n) => createProject(db.prisma, c.id, `Site ${n}`)));
    return { companyId: c.id, p: projects.map((p) => p.id) as [string, string, string] };
  }
  const history = async (companyId: string, contactId: string) =>
    (await listContactHistory(db.prisma, companyId, contactId))!;

  test("inactivation and reactivation record who, why, the batch and the project directories, for each contact", async () => {
    const { companyId, p } = await company();
    const a = await createContact(db.prisma, companyId, { projects: { [p[0]]: "ACTIVE", [p[1]]: "REMOVED" } });
    const b = await createContact(db.prisma, companyId, { projects: { [p[1]]: "ACTIVE", [p[2]]: "ACTIVE" } });
    const off = await inactivateContacts(db.prisma, { companyId, contactIds: [a.id, b.id], by: ADA });
    const on = await reactivateContacts(db.prisma, { companyId, contactIds: [a.id], by: { ...ADA, reason: null } });

    const [second, first] = await history(companyId, a.id);
    expect(first).toMatchObject({
      action: "contact.inactivated",
      batchId: off.batchId,
      actor: { id: null, name: "Ada Admin" },
      reason: "Crew demobilized",
      projectIds: [p[0]],
      changes: { status: { from: "ACTIVE", to: "INACTIVE" } },
      contact: { id: a.id },
    });
    expect(second).toMatchObject({
      action: "contact.reactivated",
      batchId: on.batchId,
      reason: null,
      projectIds: [p[0]],
    });
    const [bOff] = await history(companyId, b.id);
    expect(bOff).toMatchObject({
      action: "contact.inactivated",
      batchId: off.batchId,
      projectIds: [p[1], p[2]].sort(),
    });
  });

  test("create, edit, add and remove are recorded with their details; an edit that changes nothing is not", async () => {
    const { companyId, p } = await company();
    const contact = await createContactRecord(db.prisma, {
      companyId,
      input: { firstName: "Maria", lastName: "Lopez", email: "maria@example.com", projectIds: [p[0]] },
      origin: "DIRECTORY",
      by: ADA,
    });
    await updateContact(db.prisma, {
      companyId,
      contactId: contact.id,
      patch: { email: "m.lopez@example.com", phone: "555 0100" },
      by: ADA,
    });
    await updateContact(db.prisma, { companyId, contactId: contact.id, patch: { firstName: "Maria" }, by: ADA });
    await addContactsToProject(db.prisma, { companyId, projectId: p[1], contactIds: [contact.id], by: ADA });
    const crew = await createCrew(db.prisma, { companyId, projectId: p[1], name: "Framing" });
    await addCrewMembers(db.prisma, {
      companyId,
      crewId: crew.id,
      contactIds: [contact.id],
      addToProject: true,
      by: ADA,
    });
    await removeContactsFromProject(db.prisma, { companyId, projectId: p[1], contactIds: [contact.id], by: ADA });
    await addContactsToProject(db.prisma, { companyId, projectId: p[1], contactIds: [contact.id], by: ADA });

    const items = (await history(companyId, contact.id)).reverse();
    expect(items.map((i) => i.action)).toEqual([
      "contact.created",
      "contact.updated",
      "contact.added_to_project",
      "contact.removed_from_project",
      "contact.added_to_project",
    ]);
    expect(items[0]!.projectIds).toEqual([p[0]]);
    expect(items[0]!.changes).toMatchObject({
      firstName: { from: null, to: "Maria" },
      email: { from: null, to: "maria@example.com" },
    });
    expect(items[1]!.changes).toEqual({
      email: { from: "maria@example.com", to: "m.lopez@example.com" },
      phone: { from: null, to: "555 0100" },
    });
    expect(items[2]!.changes).toEqual({ membership: { from: null, to: "ACTIVE" } });
    expect(items[3]!.changes).toEqual({ membership: { from: "ACTIVE", to: "REMOVED" }, crewIds: [crew.id] });
    expect(items[4]!.changes).toEqual({ membership: { from: "REMOVED", to: "ACTIVE" } });
  });

  test("undo of an inactivation puts back the contacts and exactly the memberships it flipped, and is recorded", async () => {
    const { companyId, p } = await company();
    const a = await createContact(db.prisma, companyId, { projects: { [p[0]]: "ACTIVE", [p[1]]: "REMOVED" } });
    const b = await createContact(db.prisma, companyId, { projects: { [p[2]]: "ACTIVE" } });
    const before = await companyState(companyId);
    const off = await inactivateContacts(db.prisma, { companyId, contactIds: [a.id, b.id], by: ADA });

    const undone = await undoBatch(db.prisma, {
      companyId,
      batchId: off.batchId!,
      by: { actorId: null, actorName: "Ben Boss" },
    });
    expect(undone).toEqual({
      batchId: expect.any(String),
      undoneBatchId: off.batchId,
      contactIds: [a.id, b.id].sort(),
      projectIds: [p[0], p[2]].sort(),
    });
    expect(await companyState(companyId)).toEqual(before);
    const [last] = await history(companyId, a.id);
    expect(last).toMatchObject({
      action: "batch.undone",
      batchId: undone.batchId,
      actor: { name: "Ben Boss" },
      projectIds: [p[0]],
    });
    expect(last!.changes).toMatchObject({ undoes: off.batchId, status: { from: "INACTIVE", to: "ACTIVE" } });
  });

  test("undo of a reactivation makes the contacts inactive again, off the same directories", async () => {
    const { companyId, p } = await company();
    const a = await createContact(db.prisma, companyId, {
      status: "INACTIVE",
      projects: { [p[0]]: "INACTIVE", [p[1]]: "REMOVED" },
    });
    const before = await companyState(companyId);
    const on = await reactivateContacts(db.prisma, { companyId, contactIds: [a.id], by: ADA });
    expect(await membershipStatuses(db.prisma, a)).toEqual({ [p[0]]: "ACTIVE", [p[1]]: "REMOVED" });
    await undoBatch(db.prisma, { companyId, batchId: on.batchId!, by: ADA });
    expect(await companyState(companyId)).toEqual(before);
  });

  test("undo of a removal restores each membership's previous status and the crews it left", async () => {
    const { companyId, p } = await company();
    const active = await createContact(db.prisma, companyId, { projects: { [p[0]]: "ACTIVE" } });
    const inactive = await createContact(db.prisma, companyId, {
      status: "INACTIVE",
      projects: { [p[0]]: "INACTIVE" },
    });
    const crew = await createCrew(db.prisma, { companyId, projectId: p[0], name: "Concrete" });
    await addCrewMembers(db.prisma, { companyId, crewId: crew.id, contactIds: [active.id], addToProject: true });
    const before = await companyState(companyId);

    const removal = await removeContactsFromProject(db.prisma, {
      companyId,
      projectId: p[0],
      contactIds: [active.id, inactive.id],
      by: ADA,
    });
    expect(await db.prisma.crewMember.count({ where: { companyId, crewId: crew.id } })).toBe(0);
    await undoBatch(db.prisma, { companyId, batchId: removal.batchId!, by: ADA });
    expect(await companyState(companyId)).toEqual(before);
  });

  test("undo refuses, naming the contacts, when any changed since; nothing changes", async () => {
    const { companyId, p } = await company();
    const a = await createContact(db.prisma, companyId, {
      firstName: "Ana",
      lastName: "Silva",
      projects: { [p[0]]: "ACTIVE" },
    });
    const b = await createContact(db.prisma, companyId, { firstName: "Bo", lastName: "Chen" });
    const off = await inactivateContacts(db.prisma, { companyId, contactIds: [a.id, b.id], by: ADA });
    await reactivateContacts(db.prisma, { companyId, contactIds: [a.id], by: ADA });
    const before = await companySnapshot(db.prisma, companyId);

    const refused = await undoBatch(db.prisma, { companyId, batchId: off.batchId!, by: ADA }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe("conflict");
    expect((refused as DomainError).message).toContain("Ana Silva");
    expect((refused as DomainError).message).not.toContain("Bo Chen");
    expect((refused as DomainError).details).toEqual({ contacts: [{ id: a.id, name: "Ana Silva" }] });
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
  });

  test("a batch is undone once: the second undo is refused; an undo and other changes cannot be undone", async () => {
    const { companyId } = await company();
    const a = await createContact(db.prisma, companyId);
    const off = await inactivateContacts(db.prisma, { companyId, contactIds: [a.id], by: ADA });
    const undo = await undoBatch(db.prisma, { companyId, batchId: off.batchId!, by: ADA });
    await expect(undoBatch(db.prisma, { companyId, batchId: off.batchId!, by: ADA })).rejects.toThrow("already undone");
    await expect(undoBatch(db.prisma, { companyId, batchId: undo.batchId, by: ADA })).rejects.toThrow("can be undone");
    const created = await createContactRecord(db.prisma, {
      companyId,
      input: { firstName: "New", lastName: "Hire" },
      origin: "DIRECTORY",
    });
    const [event] = await history(companyId, created.id);
    await expect(undoBatch(db.prisma, { companyId, batchId: event!.batchId, by: ADA })).rejects.toThrow(
      "can be undone",
    );
    const other = await company();
    await expect(undoBatch(db.prisma, { companyId: other.companyId, batchId: off.batchId!, by: ADA })).rejects.toThrow(
      "not found",
    );
  });

  test("the same Idempotency-Key applies a change once and answers the same; another request with it is refused", async () => {
    const { companyId } = await company();
    const user = await db.prisma.user.create({ data: { name: "Ada", email: `ada-${randomUUID()}@example.com` } });
    const a = await createContact(db.prisma, companyId);
    const b = await createContact(db.prisma, companyId);
    const scope = { companyId, userId: user.id, key: "retry-1", request: ["inactivate", [a.id]] };
    const run = () =>
      withIdempotency(db.prisma, scope, async (tx) => {
        const r = await inactivateContacts(tx, { companyId, contactIds: [a.id], by: ADA });
        return { batchId: r.batchId, changed: r.changed.length };
      });
    // Both at once (a double click), then a later retry.
    const [first, second] = await Promise.all([run(), run()]);
    const third = await run();
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    expect(first.result).toEqual(second.result);
    expect(third).toEqual({ result: first.result, replayed: true });
    expect(first.result.changed).toBe(1);
    expect(await db.prisma.changeBatch.count({ where: { companyId } })).toBe(1);

    const reused = withIdempotency(db.prisma, { ...scope, request: ["inactivate", [b.id]] }, (tx) =>
      inactivateContacts(tx, { companyId, contactIds: [b.id] }),
    );
    await expect(reused).rejects.toThrow("already used for a different request");
    expect(
      (await db.prisma.contact.findUniqueOrThrow({ where: { companyId_id: { companyId: b.companyId, id: b.id } } }))
        .status,
    ).toBe("ACTIVE");
  });

  /** Contacts, memberships and crews: what an undo must put back exactly. */
  async function companyState(companyId: string) {
    const { contacts, memberships, crewMembers } = await companySnapshot(db.prisma, companyId);
    return {
      contacts: contacts.map(({ id, status, inactivatedAt }) => ({ id, status, inactive: inactivatedAt !== null })),
      memberships: memberships.map(({ contactId, projectId, status, removedAt }) => ({
        contactId,
        projectId,
        status,
        removed: removedAt !== null,
      })),
      crewMembers: crewMembers.map(({ crewId, contactId }) => ({ crewId, contactId })),
    };
  }
});

describe.each(TEST_DATABASES)(
  "a failure at any statement of a lifecycle transaction leaves nothing changed, on %s",
  (kind) => {
    let db: Database;
    let faulty: PrismaClient;
    const plan: FaultPlan = { failAt: null, seen: 0 };
    let closeFaulty: () => Promise<void>;

    beforeAll(async () => {
      ({ db, faulty, close: closeFaulty } = await openFaultyDatabase(kind, plan));
    });
    afterAll(() => closeFaulty?.());

    type Setup = { companyId: string; run: (prisma: PrismaClient) => Promise<unknown> };

    /** Each lifecycle operation, from a fresh company each time, always the same shape. */
    const OPERATIONS: Record<string, () => Promise<Setup>> = {
      inactivate: async () => {
        const { companyId, contactIds } = await world("ACTIVE");
        return { companyId, run: (prisma) => inactivateContacts(prisma, { companyId, contactIds, by: ADA }) };
      },
      reactivate: async () => {
        const { companyId, contactIds } = await world("INACTIVE");
        return { companyId, run: (prisma) => reactivateContacts(prisma, { companyId, contactIds, by: ADA }) };
      },
      "remove from project": async () => {
        const { companyId, contactIds, projectId } = await world("ACTIVE");
        return {
          companyId,
          run: (prisma) => removeContactsFromProject(prisma, { companyId, projectId, contactIds, by: ADA }),
        };
      },
      "add to project": async () => {
        const { companyId, contactIds } = await world("ACTIVE");
        const other = await createProject(db.prisma, companyId, "Other site");
        return {
          companyId,
          run: (prisma) => addContactsToProject(prisma, { companyId, projectId: other.id, contactIds, by: ADA }),
        };
      },
      "create contact": async () => {
        const { companyId, projectId } = await world("ACTIVE");
        const input = { firstName: "New", lastName: "Hire", projectIds: [projectId] };
        return {
          companyId,
          run: (prisma) => createContactRecord(prisma, { companyId, input, origin: "DIRECTORY", by: ADA }),
        };
      },
      "edit contact": async () => {
        const { companyId, contactIds } = await world("ACTIVE");
        return {
          companyId,
          run: (prisma) =>
            updateContact(prisma, { companyId, contactId: contactIds[0]!, patch: { jobTitle: "Foreman" }, by: ADA }),
        };
      },
      "undo an inactivation": async () => {
        const { companyId, contactIds } = await world("ACTIVE");
        const { batchId } = await inactivateContacts(db.prisma, { companyId, contactIds, by: ADA });
        return { companyId, run: (prisma) => undoBatch(prisma, { companyId, batchId: batchId!, by: ADA }) };
      },
      "undo a removal": async () => {
        const { companyId, contactIds, projectId } = await world("ACTIVE");
        const { batchId } = await removeContactsFromProject(db.prisma, { companyId, projectId, contactIds, by: ADA });
        return { companyId, run: (prisma) => undoBatch(prisma, { companyId, batchId: batchId!, by: ADA }) };
      },
      "inactivate with an Idempotency-Key": async () => {
        const { companyId, contactIds } = await world("ACTIVE");
        const user = await db.prisma.user.create({ data: { name: "Ada", email: `ada-${randomUUID()}@example.com` } });
        return {
          companyId,
          run: (prisma) =>
            withIdempotency(prisma, { companyId, userId: user.id, key: "k", request: contactIds }, (tx) =>
              inactivateContacts(tx, { companyId, contactIds, by: ADA }),
            ),
        };
      },
    };

    /** Three contacts on two projects (one membership removed) and on a crew. */
    async function world(status: "ACTIVE" | "INACTIVE") {
      const c = await createCompany(db.prisma);
      const [p1, p2] = await Promise.all([
        createProject(db.prisma, c.id, "Site 1"),
        createProject(db.prisma, c.id, "Site 2"),
      ]);
      const member = status === "ACTIVE" ? "ACTIVE" : "INACTIVE";
      const contacts = await Promise.all(
        [0, 1, 2].map(() =>
          createContact(db.prisma, c.id, { status, projects: { [p1.id]: member, [p2.id]: "REMOVED" } }),
        ),
      );
      if (status === "ACTIVE") {
        const crew = await createCrew(db.prisma, { companyId: c.id, projectId: p1.id, name: "Crew" });
        await db.prisma.crewMember.createMany({
          data: contacts.map((k) => ({ companyId: c.id, crewId: crew.id, contactId: k.id })),
        });
      }
      return { companyId: c.id, projectId: p1.id, contactIds: contacts.map((k) => k.id) };
    }

    test.each(Object.keys(OPERATIONS))("%s", async (name) => {
      const setup = OPERATIONS[name]!;
      // A clean run counts the statements, and proves the operation changes something.
      const counted = await setup();
      const untouched = await companySnapshot(db.prisma, counted.companyId);
      plan.failAt = null;
      plan.seen = 0;
      await counted.run(faulty);
      const statements = plan.seen;
      expect(statements).toBeGreaterThan(1);
      expect(await companySnapshot(db.prisma, counted.companyId)).not.toEqual(untouched);

      for (let failAt = 1; failAt <= statements; failAt++) {
        const { companyId, run } = await setup();
        const before = await companySnapshot(db.prisma, companyId);
        plan.failAt = failAt;
        plan.seen = 0;
        await expect(run(faulty), `fault at statement ${failAt} of ${statements}`).rejects.toBeInstanceOf(
          InjectedFault,
        );
        expect(
          await companySnapshot(db.prisma, companyId),
          `after a fault at statement ${failAt} of ${statements}`,
        ).toEqual(before);
      }
      plan.failAt = null;
      faultsInjected.push({ kind, name, statements });
    });
  },
);

/** How many faults were injected, per operation: the figures the closing note reports. */
const faultsInjected: { kind: string; name: string; statements: number }[] = [];
afterAll(() => {
  if (faultsInjected.length) {
    const total = faultsInjected.reduce((n, f) => n + f.statements, 0);
    console.log(
      `Fault injection: ${total} faults over ${faultsInjected.length} operation runs (${faultsInjected.map((f) => `${f.kind} ${f.name}: ${f.statements}`).join("; ")})`,
    );
  }
});
