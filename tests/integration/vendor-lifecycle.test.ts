import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createContact as createContactRecord } from "@/server/contacts/create-contact";
import { updateContact } from "@/server/contacts/update-contact";
import type { Database } from "@/server/db/open-database";
import { DomainError } from "@/server/errors";
import type { ChangedBy } from "@/server/history/changed-by";
import { listContactHistory } from "@/server/history/list-history";
import { importContacts } from "@/server/import/import-contacts";
import { guessMapping } from "@/shared/import/fields";
import { undoBatch } from "@/server/history/undo-batch";
import { changeVendorStatus } from "@/server/vendors/change-vendor-status";
import { createVendor } from "@/server/vendors/create-vendor";
import { listVendorHistory } from "@/server/vendors/list-vendor-history";
import { listVendors } from "@/server/vendors/list-vendors";
import { mergeVendors } from "@/server/vendors/merge-vendors";
import { searchVendorOptions } from "@/server/vendors/search-vendor-options";
import { updateVendor } from "@/server/vendors/update-vendor";
import { companySnapshot } from "../helpers/api";
import { openTestDatabase, TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject, membershipStatuses } from "../helpers/factories";
import { InjectedFault, type FaultPlan } from "../helpers/faults";
import { openFaultyDatabase } from "../helpers/faulty-database";

const ADA: ChangedBy = { actorId: null, actorName: "Ada Admin", reason: "Off our books" };

/** A company with two subcontractors, each with people on two projects (one membership removed). */
async function world(prisma: PrismaClient) {
  const c = await createCompany(prisma);
  const companyId = c.id;
  const [p1, p2] = await Promise.all([
    createProject(prisma, companyId, "Site 1"),
    createProject(prisma, companyId, "Site 2"),
  ]);
  const acme = await createVendor(prisma, { companyId, input: { name: "Acme Electric", trade: "Electrical" } });
  const beta = await createVendor(prisma, { companyId, input: { name: "Beta Concrete", kind: "SUPPLIER" } });
  const people = await Promise.all(
    [acme.id, acme.id, beta.id].map((vendorId) =>
      createContact(prisma, companyId, { vendorId, projects: { [p1.id]: "ACTIVE", [p2.id]: "REMOVED" } }),
    ),
  );
  const gone = await createContact(prisma, companyId, { vendorId: acme.id, status: "INACTIVE" });
  return { companyId, p1: p1.id, p2: p2.id, acme, beta, people: people.map((p) => p.id), gone: gone.id };
}

const statusOf = async (prisma: PrismaClient, companyId: string, ids: string[]) =>
  (
    await prisma.contact.findMany({
      where: { companyId, id: { in: ids } },
      orderBy: { id: "asc" },
      select: { status: true },
    })
  ).map((c) => c.status);

describe.each(TEST_DATABASES)("companies' lifecycle on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  test("a name is unique in the company ignoring case and surrounding spaces; another company may use it", async () => {
    const { companyId, acme } = await world(db.prisma);
    for (const name of ["acme electric", "  ACME ELECTRIC  ", "Acme Electric"]) {
      const error = await createVendor(db.prisma, { companyId, input: { name } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        code: "conflict",
        message:
          'A company named "Acme Electric" is already in the directory. Choose another name, or use the one there.',
        details: { field: "name", vendorId: acme.id },
      });
    }
    const other = await createCompany(db.prisma);
    await expect(
      createVendor(db.prisma, { companyId: other.id, input: { name: "ACME ELECTRIC" } }),
    ).resolves.toMatchObject({
      name: "ACME ELECTRIC",
    });
    await changeVendorStatus(db.prisma, { companyId, vendorIds: [acme.id], to: "INACTIVE" });
    await expect(createVendor(db.prisma, { companyId, input: { name: "acme electric " } })).rejects.toMatchObject({
      message: expect.stringContaining(
        'An inactive company named "Acme Electric" is already in the directory. Reactivate it',
      ),
    });
    await expect(
      updateVendor(db.prisma, { companyId, vendorId: (await world(db.prisma)).acme.id, patch: { name: "x" } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  test("an edit records each field that changed, from → to, and a save that changes nothing records nothing", async () => {
    const { companyId, acme, beta } = await world(db.prisma);
    await updateVendor(db.prisma, {
      companyId,
      vendorId: acme.id,
      patch: { phone: "(555) 123-4567", trade: "Electrical", website: "acme.example" },
      by: ADA,
    });
    await updateVendor(db.prisma, { companyId, vendorId: acme.id, patch: { phone: "(555) 123-4567" }, by: ADA });
    const history = (await listVendorHistory(db.prisma, companyId, acme.id))!;
    expect(history.map((h) => h.action)).toEqual(["vendor.updated", "vendor.created"]);
    expect(history[0]!.changes).toEqual({
      phone: { from: null, to: "(555) 123-4567" },
      website: { from: null, to: "acme.example" },
    });
    await expect(
      updateVendor(db.prisma, { companyId, vendorId: acme.id, patch: { name: " beta concrete" } }),
    ).rejects.toMatchObject({ code: "conflict", details: { vendorId: beta.id } });
  });

  test("inactivating a company leaves its people as they are; it leaves every picker; reactivating brings it back", async () => {
    const { companyId, acme, beta, people } = await world(db.prisma);
    const off = await changeVendorStatus(db.prisma, {
      companyId,
      vendorIds: [acme.id, acme.id.toUpperCase().toLowerCase()],
      to: "INACTIVE",
      by: ADA,
    });
    expect(off).toMatchObject({ changed: [acme.id], skipped: [], contactsChanged: [] });
    expect(await statusOf(db.prisma, companyId, people)).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);

    const offered = await searchVendorOptions(db.prisma, companyId, {});
    expect(offered.map((o) => o.name)).toEqual(["Beta Concrete"]);
    expect(await searchVendorOptions(db.prisma, companyId, { q: "acme" })).toEqual([]);
    // Only the one already chosen is shown, marked inactive.
    expect(await searchVendorOptions(db.prisma, companyId, { includeIds: [acme.id] })).toEqual([
      { id: acme.id, name: "Acme Electric", inactive: true },
      { id: beta.id, name: "Beta Concrete" },
    ]);
    await expect(
      createContactRecord(db.prisma, {
        companyId,
        input: { firstName: "New", lastName: "Hire", vendorId: acme.id },
        origin: "DIRECTORY",
      }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: '"Acme Electric" is an inactive company. Reactivate it, or choose an active company.',
    });
    // A contact of it keeps it through an edit, but nobody is moved to it.
    await expect(
      updateContact(db.prisma, { companyId, contactId: people[0]!, patch: { vendorId: acme.id, jobTitle: "Foreman" } }),
    ).resolves.toMatchObject({ jobTitle: "Foreman" });
    await expect(
      updateContact(db.prisma, { companyId, contactId: people[2]!, patch: { vendorId: acme.id } }),
    ).rejects.toMatchObject({ code: "conflict" });

    const tabs = async (status: "ACTIVE" | "INACTIVE") =>
      (await listVendors(db.prisma, { companyId, status, q: "", sort: "name.asc", page: 1, perPage: 50 })).rows.map(
        (v) => v.name,
      );
    expect(await tabs("ACTIVE")).toEqual(["Beta Concrete"]);
    expect(await tabs("INACTIVE")).toEqual(["Acme Electric"]);

    const again = await changeVendorStatus(db.prisma, {
      companyId,
      vendorIds: [acme.id, randomUUID()],
      to: "INACTIVE",
    });
    expect(again.batchId).toBeNull();
    expect(again.skipped.map((s) => s.reason)).toEqual(["already inactive", "not found"]);

    const on = await changeVendorStatus(db.prisma, { companyId, vendorIds: [acme.id], to: "ACTIVE", by: ADA });
    expect(on.changed).toEqual([acme.id]);
    expect(await tabs("ACTIVE")).toEqual(["Acme Electric", "Beta Concrete"]);
    const history = (await listVendorHistory(db.prisma, companyId, acme.id))!;
    expect(history.map((h) => [h.action, h.reason])).toEqual([
      ["vendor.reactivated", "Off our books"],
      ["vendor.inactivated", "Off our books"],
      ["vendor.created", null],
    ]);
  });

  test("with includeContacts their active people leave every project directory in the same batch; undo puts back both, and only what it changed", async () => {
    const { companyId, p1, p2, acme, people, gone } = await world(db.prisma);
    const before = await companySnapshot(db.prisma, companyId);
    const off = await changeVendorStatus(db.prisma, {
      companyId,
      vendorIds: [acme.id],
      to: "INACTIVE",
      includeContacts: true,
      by: ADA,
    });
    expect(off.contactsChanged).toEqual([people[0], people[1]].sort());
    expect(await statusOf(db.prisma, companyId, [...people, gone].sort())).toEqual(
      [...people, gone].sort().map((id) => (id === people[2] ? "ACTIVE" : "INACTIVE")),
    );
    expect(await membershipStatuses(db.prisma, { companyId, id: people[0]! })).toEqual({
      [p1]: "INACTIVE",
      [p2]: "REMOVED",
    });
    const [event] = (await listContactHistory(db.prisma, companyId, people[0]!))!;
    expect(event).toMatchObject({ action: "contact.inactivated", batchId: off.batchId, projectIds: [p1] });

    // Reactivating the company does not bring its people back.
    const on = await changeVendorStatus(db.prisma, { companyId, vendorIds: [acme.id], to: "ACTIVE", by: ADA });
    expect(on.contactsChanged).toEqual([]);
    expect(await statusOf(db.prisma, companyId, [people[0]!])).toEqual(["INACTIVE"]);
    await undoBatch(db.prisma, { companyId, batchId: on.batchId!, by: ADA });

    // Undoing the inactivation does: it had changed them.
    const undone = await undoBatch(db.prisma, { companyId, batchId: off.batchId!, by: ADA }).catch((e: unknown) => e);
    // The reactivation (and its undo) came after: the company has changed since.
    expect(undone).toMatchObject({
      code: "conflict",
      message: expect.stringContaining('"Acme Electric" has changed since'),
    });

    const fresh = await world(db.prisma);
    const snap = await companySnapshot(db.prisma, fresh.companyId);
    const batch = await changeVendorStatus(db.prisma, {
      companyId: fresh.companyId,
      vendorIds: [fresh.acme.id],
      to: "INACTIVE",
      includeContacts: true,
    });
    const result = await undoBatch(db.prisma, { companyId: fresh.companyId, batchId: batch.batchId!, by: ADA });
    expect(result.vendorIds).toEqual([fresh.acme.id]);
    expect(result.contactIds).toEqual(batch.contactsChanged);
    const after = await companySnapshot(db.prisma, fresh.companyId);
    const strip = (s: typeof snap) => ({
      vendors: s.vendors.map(({ updatedAt, ...v }) => (void updatedAt, v)),
      contacts: s.contacts.map(({ updatedAt, ...c }) => (void updatedAt, c)),
      memberships: s.memberships.map(({ updatedAt, ...m }) => (void updatedAt, m)),
    });
    expect(strip(after)).toEqual(strip(snap));
    expect(before.vendors).toHaveLength(2);
  });

  test("merging moves every contact to the kept company, keeps the others marked merged, and undo restores exactly", async () => {
    const { companyId, acme, beta, people, gone } = await world(db.prisma);
    const third = await createVendor(db.prisma, { companyId, input: { name: "ACME Electric Inc." } });
    await changeVendorStatus(db.prisma, { companyId, vendorIds: [third.id], to: "INACTIVE" });
    const before = await companySnapshot(db.prisma, companyId);

    const merge = await mergeVendors(db.prisma, {
      companyId,
      keepId: acme.id,
      mergeIds: [beta.id, third.id],
      fields: { name: "Beta Concrete", kind: "SUPPLIER", phone: "555 0100" },
      by: ADA,
    });
    expect(merge.contactIds).toEqual([people[2]!]);
    const vendors = await db.prisma.vendor.findMany({ where: { companyId } });
    const byId = Object.fromEntries(vendors.map((v) => [v.id, [v.name, v.kind, v.phone, v.status, v.mergedIntoId]]));
    // The kept company took the merged one's name: a merged-away company no longer holds it.
    expect(byId).toEqual({
      [acme.id]: ["Beta Concrete", "SUPPLIER", "555 0100", "ACTIVE", null],
      [beta.id]: ["Beta Concrete", "SUPPLIER", null, "MERGED", acme.id],
      [third.id]: ["ACME Electric Inc.", "SUBCONTRACTOR", null, "MERGED", acme.id],
    });
    const contacts = await db.prisma.contact.findMany({ where: { companyId }, select: { vendorId: true } });
    expect(new Set(contacts.map((c) => c.vendorId))).toEqual(new Set([acme.id]));
    expect((await searchVendorOptions(db.prisma, companyId, {})).map((o) => o.id)).toEqual([acme.id]);
    expect(
      (await listVendors(db.prisma, { companyId, status: "INACTIVE", q: "", sort: "name.asc", page: 1, perPage: 50 }))
        .total,
    ).toBe(0);

    await expect(mergeVendors(db.prisma, { companyId, keepId: acme.id, mergeIds: [beta.id] })).rejects.toMatchObject({
      code: "conflict",
      message: '"Beta Concrete" was merged already.',
    });
    await expect(
      updateVendor(db.prisma, { companyId, vendorId: beta.id, patch: { trade: "x" } }),
    ).rejects.toMatchObject({ code: "conflict" });

    const undo = await undoBatch(db.prisma, { companyId, batchId: merge.batchId, by: ADA });
    expect(undo.vendorIds).toEqual([acme.id, beta.id, third.id].sort());
    const after = await companySnapshot(db.prisma, companyId);
    const strip = (s: typeof before) => ({
      vendors: s.vendors.map(({ updatedAt, ...v }) => (void updatedAt, v)),
      contacts: s.contacts.map(({ updatedAt, ...c }) => (void updatedAt, c)),
    });
    expect(strip(after)).toEqual(strip(before));
    expect(gone).toBeTruthy();
    await expect(undoBatch(db.prisma, { companyId, batchId: merge.batchId })).rejects.toMatchObject({
      message: "That change was already undone.",
    });
  });

  test("a merge is not undone when a contact it moved changed since, and nothing changes", async () => {
    const { companyId, acme, beta, people } = await world(db.prisma);
    const merge = await mergeVendors(db.prisma, { companyId, keepId: acme.id, mergeIds: [beta.id] });
    await updateContact(db.prisma, { companyId, contactId: people[2]!, patch: { jobTitle: "Lead" } });
    const before = await companySnapshot(db.prisma, companyId);
    await expect(undoBatch(db.prisma, { companyId, batchId: merge.batchId })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("has changed since"),
    });
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
  });

  test("the import matches active companies only: an inactive one is a row problem, a merged-away name goes to the kept one", async () => {
    const { companyId, acme, beta } = await world(db.prisma);
    const gamma = await createVendor(db.prisma, { companyId, input: { name: "Gamma Supply" } });
    await changeVendorStatus(db.prisma, { companyId, vendorIds: [acme.id], to: "INACTIVE" });
    await mergeVendors(db.prisma, { companyId, keepId: beta.id, mergeIds: [gamma.id] });
    const headers = ["First name", "Last name", "Company"];
    const run = (rows: string[][], skipInvalid: boolean) =>
      importContacts(db.prisma, {
        companyId,
        fileName: "crew.csv",
        headers,
        rows,
        mapping: guessMapping(headers),
        nameOrder: "first-last",
        onMatch: "skip",
        createVendors: true,
        dryRun: false,
        skipInvalid,
      });
    const outcome = await run(
      [
        ["Ann", "One", "ACME electric"],
        ["Bob", "Two", "gamma supply"],
        ["Cy", "Three", "BETA CONCRETE "],
      ],
      true,
    );
    expect(outcome.rows.find((r) => r.row === 2)?.problems).toEqual([
      {
        column: "Company",
        message: '"Acme Electric" is an inactive company. Reactivate it on Inactive Companies, or fix the name.',
      },
    ]);
    const made = await db.prisma.contact.findMany({
      where: { companyId, firstName: { in: ["Ann", "Bob", "Cy"] } },
      orderBy: { firstName: "asc" },
      select: { firstName: true, vendorId: true },
    });
    expect(made).toEqual([
      { firstName: "Bob", vendorId: beta.id },
      { firstName: "Cy", vendorId: beta.id },
    ]);
    // No second company was created for a spelling of one already there.
    expect(await db.prisma.vendor.count({ where: { companyId } })).toBe(3);
  });

  test("another company's ids are unknown here: skipped, or refused, and nothing of theirs changes", async () => {
    const mine = await world(db.prisma);
    const theirs = await world(db.prisma);
    const theirsBefore = await companySnapshot(db.prisma, theirs.companyId);
    const r = await changeVendorStatus(db.prisma, {
      companyId: mine.companyId,
      vendorIds: [theirs.acme.id],
      to: "INACTIVE",
      includeContacts: true,
    });
    expect(r).toMatchObject({ batchId: null, skipped: [{ id: theirs.acme.id, reason: "not found" }] });
    await expect(
      mergeVendors(db.prisma, { companyId: mine.companyId, keepId: mine.acme.id, mergeIds: [theirs.beta.id] }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      createContactRecord(db.prisma, {
        companyId: mine.companyId,
        input: { firstName: "A", lastName: "B", vendorId: theirs.acme.id },
        origin: "DIRECTORY",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await companySnapshot(db.prisma, theirs.companyId)).toEqual(theirsBefore);
  });

  test.runIf(kind === "postgres")("ten creates of one name at once: one company, nine clear 409s, no 500", async () => {
    const c = await createCompany(db.prisma);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        createVendor(db.prisma, { companyId: c.id, input: { name: i % 2 ? "Delta Steel" : "  delta STEEL " } }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", details: { field: "name" } });
    }
    expect(await db.prisma.vendor.count({ where: { companyId: c.id } })).toBe(1);
  });
});

describe.each(TEST_DATABASES)(
  "a failure at any statement of a company change leaves nothing changed, on %s",
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
    const OPERATIONS: Record<string, () => Promise<Setup>> = {
      "create a company": async () => {
        const { companyId } = await world(db.prisma);
        return { companyId, run: (p) => createVendor(p, { companyId, input: { name: "Gamma Supply" }, by: ADA }) };
      },
      "edit a company": async () => {
        const { companyId, acme } = await world(db.prisma);
        return {
          companyId,
          run: (p) => updateVendor(p, { companyId, vendorId: acme.id, patch: { phone: "555" }, by: ADA }),
        };
      },
      "inactivate companies with their people": async () => {
        const { companyId, acme, beta } = await world(db.prisma);
        return {
          companyId,
          run: (p) =>
            changeVendorStatus(p, {
              companyId,
              vendorIds: [acme.id, beta.id],
              to: "INACTIVE",
              includeContacts: true,
              by: ADA,
            }),
        };
      },
      "merge companies": async () => {
        const { companyId, acme, beta } = await world(db.prisma);
        return {
          companyId,
          run: (p) =>
            mergeVendors(p, { companyId, keepId: acme.id, mergeIds: [beta.id], fields: { trade: "Both" }, by: ADA }),
        };
      },
      "undo a merge": async () => {
        const { companyId, acme, beta } = await world(db.prisma);
        const { batchId } = await mergeVendors(db.prisma, {
          companyId,
          keepId: acme.id,
          mergeIds: [beta.id],
          fields: { name: "Acme & Beta" },
        });
        return { companyId, run: (p) => undoBatch(p, { companyId, batchId, by: ADA }) };
      },
      "undo an inactivation with people": async () => {
        const { companyId, acme } = await world(db.prisma);
        const { batchId } = await changeVendorStatus(db.prisma, {
          companyId,
          vendorIds: [acme.id],
          to: "INACTIVE",
          includeContacts: true,
        });
        return { companyId, run: (p) => undoBatch(p, { companyId, batchId: batchId!, by: ADA }) };
      },
    };

    test.each(Object.keys(OPERATIONS))("%s", async (name) => {
      const setup = OPERATIONS[name]!;
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
        expect(await companySnapshot(db.prisma, companyId), `after a fault at statement ${failAt}`).toEqual(before);
      }
      plan.failAt = null;
    });
  },
);
