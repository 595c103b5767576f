import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import type { Database } from "@/server/db/open-database";
import { undoBatch } from "@/server/history/undo-batch";
import { importContacts, type ImportContactsOptions } from "@/server/import/import-contacts";
import { guessMapping } from "@/shared/import/fields";
import { companySnapshot } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject, createVendor } from "../helpers/factories";
import { InjectedFault, type FaultPlan } from "../helpers/faults";
import { openFaultyDatabase } from "../helpers/faulty-database";

const HEADERS = ["First name", "Last name", "Email", "Employee ID", "Company", "Projects"];

describe.each(TEST_DATABASES)("importing contacts, set-based and all or nothing, on %s", (kind) => {
  let db: Database;
  let faulty: PrismaClient;
  const plan: FaultPlan = { failAt: null, seen: 0 };
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, faulty, close } = await openFaultyDatabase(kind, plan));
  });
  afterAll(() => close?.());

  /** A company with n existing contacts, and a file that updates them and creates n more, with a new company and a project each. */
  async function setup(n: number) {
    const { id: companyId } = await createCompany(db.prisma);
    const site = await createProject(db.prisma, companyId, "Site A");
    await createVendor(db.prisma, companyId, "Known Co");
    const existing = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        createContact(db.prisma, companyId, { firstName: "Old", lastName: `L${i}`, email: `p${i}@example.com` }),
      ),
    );
    const rows = [
      ...existing.map((_, i) => ["New", `L${i}`, `P${i}@example.com`, `E${i}`, "known  co", ""]),
      ...existing.map((_, i) => ["Made", `M${i}`, `m${i}@example.com`, `F${i}`, i % 2 ? "Brand New Co" : "", "Site A"]),
    ];
    const options: ImportContactsOptions = {
      companyId,
      fileName: "payroll.csv",
      headers: HEADERS,
      rows,
      mapping: guessMapping(HEADERS),
      nameOrder: "first-last",
      onMatch: "update",
      createVendors: true,
      projectId: site.id,
      dryRun: false,
      skipInvalid: false,
    };
    return { companyId, options, siteId: site.id };
  }

  test("the number of statements does not grow with the rows", async () => {
    const counts: number[] = [];
    for (const n of [2, 200]) {
      const { options } = await setup(n);
      plan.seen = 0;
      const outcome = await importContacts(faulty, options);
      expect(outcome.counts).toMatchObject({ create: n, update: n });
      counts.push(plan.seen);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  test("a fault at every statement of an import, and of its undo, leaves nothing changed", async () => {
    const counted = await setup(3);
    plan.seen = 0;
    const { batchId } = await importContacts(faulty, counted.options);
    const statements = plan.seen;
    expect(statements).toBeGreaterThan(5);
    for (let failAt = 1; failAt <= statements; failAt++) {
      const { companyId, options } = await setup(3);
      const before = await companySnapshot(db.prisma, companyId);
      plan.failAt = failAt;
      plan.seen = 0;
      await expect(
        importContacts(faulty, options),
        `fault at statement ${failAt} of ${statements}`,
      ).rejects.toBeInstanceOf(InjectedFault);
      plan.failAt = null;
      expect(
        await companySnapshot(db.prisma, companyId),
        `after a fault at statement ${failAt} of ${statements}`,
      ).toEqual(before);
    }

    plan.seen = 0;
    await undoBatch(faulty, { companyId: counted.companyId, batchId: batchId! });
    const undoStatements = plan.seen;
    for (let failAt = 1; failAt <= undoStatements; failAt++) {
      const { companyId, options } = await setup(3);
      const imported = await importContacts(db.prisma, options);
      const before = await companySnapshot(db.prisma, companyId);
      plan.failAt = failAt;
      plan.seen = 0;
      await expect(
        undoBatch(faulty, { companyId, batchId: imported.batchId! }),
        `undo: fault at statement ${failAt}`,
      ).rejects.toBeInstanceOf(InjectedFault);
      plan.failAt = null;
      expect(
        await companySnapshot(db.prisma, companyId),
        `undo: after a fault at statement ${failAt} of ${undoStatements}`,
      ).toEqual(before);
    }
  });

  test("undo returns every field, vendor and membership to what it was, and records what it did", async () => {
    const { companyId, options, siteId } = await setup(2);
    const before = await db.prisma.contact.findMany({ where: { companyId }, orderBy: { id: "asc" } });
    const { batchId } = await importContacts(db.prisma, options);
    expect(await db.prisma.vendor.count({ where: { companyId } })).toBe(2);
    await undoBatch(db.prisma, { companyId, batchId: batchId! });
    const after = await db.prisma.contact.findMany({
      where: { companyId, status: { not: "DISCARDED" } },
      orderBy: { id: "asc" },
    });
    const fields = (c: (typeof before)[number]) => ({ ...c, updatedAt: undefined, searchText: undefined });
    expect(after.map(fields)).toEqual(before.map(fields));
    expect(await db.prisma.contact.count({ where: { companyId, status: "DISCARDED" } })).toBe(2);
    expect(
      await db.prisma.projectContact.count({ where: { companyId, projectId: siteId, status: { not: "REMOVED" } } }),
    ).toBe(0);
    const undone = await db.prisma.contactEvent.findMany({ where: { companyId, action: "batch.undone" } });
    expect(undone).toHaveLength(4);
    expect(undone.filter((e) => (e.changes as { discarded: boolean }).discarded)).toHaveLength(2);
  });
});
