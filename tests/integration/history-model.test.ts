import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createContact } from "@/server/contacts/create-contact";
import { inactivateContacts } from "@/server/contacts/inactivate-contacts";
import { reactivateContacts } from "@/server/contacts/reactivate-contacts";
import type { Database } from "@/server/db/open-database";
import { DomainError } from "@/server/errors";
import type { ChangedBy } from "@/server/history/changed-by";
import { undoBatch } from "@/server/history/undo-batch";
import { addContactsToProject } from "@/server/projects/add-contacts-to-project";
import { removeContactsFromProject } from "@/server/projects/remove-contacts-from-project";
import { openTestDatabase, TEST_DATABASES } from "../helpers/database";
import { createCompany, createProject } from "../helpers/factories";

/**
 * Model-based tests: random sequences of create, add to project, remove, inactivate,
 * reactivate and undo run against the database and against a plain in-memory model of
 * the rules; after every step the two must agree, the lifecycle invariant must hold and
 * every contact's history must alternate and end in its current status.
 */
const SEQUENCES = Number(process.env.MODEL_SEQUENCES ?? 1000);
const PROJECTS = 2;
const BY: ChangedBy = { actorId: null, actorName: "Model" };

type Status = "ACTIVE" | "INACTIVE";
type Membership = "ACTIVE" | "INACTIVE" | "REMOVED";

type Command =
  | { op: "create"; projects: number[] }
  | { op: "add" | "remove"; contacts: number[]; project: number }
  | { op: "inactivate" | "reactivate"; contacts: number[] }
  | { op: "undo"; batch: number };

const pick = fc.array(fc.nat(9), { minLength: 1, maxLength: 4 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant("create" as const), projects: fc.subarray([0, 1]) }),
  fc.record({ op: fc.constantFrom("add" as const, "remove" as const), contacts: pick, project: fc.nat(PROJECTS - 1) }),
  fc.record({ op: fc.constantFrom("inactivate" as const, "reactivate" as const), contacts: pick }),
  fc.record({ op: fc.constant("undo" as const), batch: fc.nat(9) }),
);

/** What one batch did, per contact: enough for the model to undo it, or refuse to. */
type ModelBatch = {
  id: string;
  kind: "inactivate" | "reactivate" | "remove" | "other";
  project?: number;
  /** Per contact: the event number it got, and the memberships (project → previous status) it changed. */
  touched: Map<number, { event: number; memberships: Map<number, Membership> }>;
  undone: boolean;
};

class Model {
  contacts: { id: string; status: Status; memberships: Map<number, Membership>; lastEvent: number }[] = [];
  batches: ModelBatch[] = [];
  events = 0;

  record(batch: ModelBatch, contact: number, memberships: Map<number, Membership>) {
    batch.touched.set(contact, { event: ++this.events, memberships });
    this.contacts[contact]!.lastEvent = this.events;
  }
}

describe.each(TEST_DATABASES)("the lifecycle against a reference model on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  test(`${SEQUENCES} random sequences agree with the model after every step`, async () => {
    const tally = { steps: 0, undone: 0, refused: 0 };
    await fc.assert(
      // Two people exist from the start, so most commands have someone to act on.
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: 10 }),
        fc.subarray([0, 1]),
        async (rest, firstProjects) => {
          const commands: Command[] = [
            { op: "create", projects: firstProjects },
            { op: "create", projects: [0, 1] },
            ...rest,
          ];
          const company = await createCompany(db.prisma);
          const companyId = company.id;
          const projects: string[] = [];
          for (let i = 0; i < PROJECTS; i++) projects.push((await createProject(db.prisma, companyId, `Site ${i}`)).id);
          const model = new Model();
          const ids = (picks: number[]) => [...new Set(picks.filter((i) => i < model.contacts.length))];

          for (const c of commands) {
            tally.steps++;
            if (c.op === "create") {
              const created = await createContact(db.prisma, {
                companyId,
                input: {
                  firstName: "Model",
                  lastName: `Person ${model.contacts.length}`,
                  projectIds: c.projects.map((p) => projects[p]!),
                },
                origin: "DIRECTORY",
                by: BY,
              });
              model.contacts.push({
                id: created.id,
                status: "ACTIVE",
                memberships: new Map(c.projects.map((p) => [p, "ACTIVE"])),
                lastEvent: 0,
              });
              model.events++;
              model.contacts.at(-1)!.lastEvent = model.events;
            } else if (c.op === "add" || c.op === "remove") {
              const chosen = ids(c.contacts);
              if (chosen.length === 0) continue;
              const projectId = projects[c.project]!;
              const contactIds = chosen.map((i) => model.contacts[i]!.id);
              const result =
                c.op === "add"
                  ? await addContactsToProject(db.prisma, { companyId, projectId, contactIds, by: BY })
                  : await removeContactsFromProject(db.prisma, { companyId, projectId, contactIds, by: BY });
              const batch: ModelBatch = {
                id: result.batchId ?? "",
                kind: c.op === "add" ? "other" : "remove",
                project: c.project,
                touched: new Map(),
                undone: false,
              };
              for (const i of [...chosen].sort((a, b) => model.contacts[a]!.id.localeCompare(model.contacts[b]!.id))) {
                const contact = model.contacts[i]!;
                const current = contact.memberships.get(c.project);
                if (c.op === "add" && contact.status === "ACTIVE" && (current === undefined || current === "REMOVED")) {
                  contact.memberships.set(c.project, "ACTIVE");
                  model.record(batch, i, new Map([[c.project, current ?? "REMOVED"]]));
                }
                if (c.op === "remove" && (current === "ACTIVE" || current === "INACTIVE")) {
                  contact.memberships.set(c.project, "REMOVED");
                  model.record(batch, i, new Map([[c.project, current]]));
                }
              }
              expect(result.batchId === null).toBe(batch.touched.size === 0);
              if (result.batchId) model.batches.push(batch);
            } else if (c.op === "inactivate" || c.op === "reactivate") {
              const chosen = ids(c.contacts);
              if (chosen.length === 0) continue;
              const to: Status = c.op === "inactivate" ? "INACTIVE" : "ACTIVE";
              const from: Status = to === "ACTIVE" ? "INACTIVE" : "ACTIVE";
              const change = c.op === "inactivate" ? inactivateContacts : reactivateContacts;
              const result = await change(db.prisma, {
                companyId,
                contactIds: chosen.map((i) => model.contacts[i]!.id),
                by: BY,
              });
              const batch: ModelBatch = { id: result.batchId ?? "", kind: c.op, touched: new Map(), undone: false };
              for (const i of chosen) {
                const contact = model.contacts[i]!;
                if (contact.status !== from) continue;
                contact.status = to;
                const flipped = new Map<number, Membership>();
                for (const [p, m] of contact.memberships) {
                  if (m === from) {
                    contact.memberships.set(p, to);
                    flipped.set(p, m);
                  }
                }
                model.record(batch, i, flipped);
              }
              expect(result.changed.length).toBe(batch.touched.size);
              if (result.batchId) model.batches.push(batch);
            } else {
              const { batch: which } = c as Extract<Command, { op: "undo" }>;
              const batch = model.batches[which % Math.max(1, model.batches.length)];
              if (!batch) continue;
              const changedSince = [...batch.touched].filter(([i, t]) => model.contacts[i]!.lastEvent > t.event);
              const refusal = batch.undone || batch.kind === "other" || changedSince.length > 0;
              const outcome = await undoBatch(db.prisma, { companyId, batchId: batch.id, by: BY }).then(
                () => null,
                (e: unknown) => e,
              );
              if (refusal) {
                expect(outcome).toBeInstanceOf(DomainError);
                expect((outcome as DomainError).code).toBe("conflict");
                tally.refused++;
                continue;
              }
              expect(outcome).toBeNull();
              batch.undone = true;
              tally.undone++;
              const undo: ModelBatch = { id: "", kind: "other", touched: new Map(), undone: false };
              for (const [i, t] of [...batch.touched].sort(([a], [b]) =>
                model.contacts[a]!.id.localeCompare(model.contacts[b]!.id),
              )) {
                const contact = model.contacts[i]!;
                if (batch.kind === "remove") {
                  for (const [p, previous] of t.memberships) contact.memberships.set(p, previous);
                } else {
                  contact.status = batch.kind === "inactivate" ? "ACTIVE" : "INACTIVE";
                  for (const [p, previous] of t.memberships) contact.memberships.set(p, previous);
                }
                model.record(undo, i, new Map());
              }
            }
            await expectDatabaseMatches(companyId, projects, model);
          }
        },
      ),
      { numRuns: SEQUENCES },
    );
    console.log(
      `Model-based test on ${kind}: ${SEQUENCES} sequences, ${tally.steps} steps checked against the model (${tally.undone} undos applied, ${tally.refused} refused).`,
    );
    expect(tally.undone).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
    // About a minute on a quiet 2-core machine and twice that on a busy one: the limit
    // only catches a hang, it is not a measure of speed.
  }, 600_000);

  async function expectDatabaseMatches(companyId: string, projects: string[], model: Model) {
    const [contacts, memberships, events, violations] = await Promise.all([
      db.prisma.contact.findMany({ where: { companyId }, select: { id: true, status: true } }),
      db.prisma.projectContact.findMany({
        where: { companyId },
        select: { contactId: true, projectId: true, status: true },
      }),
      db.prisma.contactEvent.findMany({
        where: { companyId },
        orderBy: { seq: "asc" },
        select: { contactId: true, action: true, changes: true },
      }),
      db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "ProjectContact" pc JOIN "Contact" c ON c."companyId" = pc."companyId" AND c.id = pc."contactId"
        WHERE pc."companyId" = ${companyId}::uuid AND c.status = 'INACTIVE' AND pc.status = 'ACTIVE'`,
    ]);
    const expected = Object.fromEntries(model.contacts.map((c) => [c.id, c.status]));
    expect(Object.fromEntries(contacts.map((c) => [c.id, c.status]))).toEqual(expected);
    const expectedMemberships = model.contacts
      .flatMap((c) => [...c.memberships].map(([p, status]) => `${c.id}:${projects[p]}:${status}`))
      .sort();
    expect(memberships.map((m) => `${m.contactId}:${m.projectId}:${m.status}`).sort()).toEqual(expectedMemberships);
    expect(violations[0]!.n).toBe(0);
    // Each contact's status history alternates and ends where the contact is now.
    const perContact = new Map<string, { count: number; status: Status }>();
    for (const e of events) {
      const state = perContact.get(e.contactId) ?? { count: 0, status: "ACTIVE" as Status };
      state.count++;
      const status = (e.changes as { status?: { from: Status; to: Status } }).status;
      if (status) {
        expect(status.from, `${e.action} of ${e.contactId}`).toBe(state.status);
        state.status = status.to;
      }
      perContact.set(e.contactId, state);
    }
    for (const c of model.contacts) {
      expect(perContact.get(c.id)?.status ?? "ACTIVE").toBe(c.status);
    }
    expect(events.length).toBe(model.events);
  }
});
