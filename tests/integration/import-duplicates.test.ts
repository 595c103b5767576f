import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Database } from "@/server/db/open-database";
import { importContacts, type ImportContactsOptions } from "@/server/import/import-contacts";
import { guessMapping } from "@/shared/import/fields";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createVendor } from "../helpers/factories";
import type { FaultPlan } from "../helpers/faults";
import { openFaultyDatabase } from "../helpers/faulty-database";

const HEADERS = ["First name", "Last name", "Email", "Phone", "Employee ID", "Company"];

describe.each(TEST_DATABASES)("the import review flags probable duplicates, on %s", (kind) => {
  let db: Database;
  let faulty: PrismaClient;
  const plan: FaultPlan = { failAt: null, seen: 0 };
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, faulty, close } = await openFaultyDatabase(kind, plan));
  });
  afterAll(() => close?.());

  const options = (companyId: string, rows: string[][], more: Partial<ImportContactsOptions> = {}) =>
    ({
      companyId,
      fileName: "crew.csv",
      headers: HEADERS,
      rows,
      mapping: guessMapping(HEADERS),
      nameOrder: "first-last",
      onMatch: "skip",
      createVendors: true,
      dryRun: false,
      skipInvalid: false,
      ...more,
    }) satisfies ImportContactsOptions;

  const person = (
    companyId: string,
    data: { firstName: string; lastName: string; phone?: string; vendorId?: string },
  ) => db.prisma.contact.create({ data: { companyId, ...data } });
  const names = async (companyId: string) =>
    (await db.prisma.contact.findMany({ where: { companyId }, orderBy: { createdAt: "asc" } })).map(
      (c) => `${c.firstName} ${c.lastName}`,
    );

  test("a row with an existing contact's name, accents and case aside, is flagged with the contact and imported anyway by default", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const jose = await person(companyId, { firstName: "José", lastName: "García" });
    const outcome = await importContacts(
      db.prisma,
      options(companyId, [
        ["JOSE", " garcia", "", "", "", ""],
        ["Ann", "Lee", "", "", "", ""],
      ]),
    );
    expect(outcome.counts).toMatchObject({ create: 2, probableDuplicates: 1 });
    expect(outcome.rows[0]).toMatchObject({
      row: 2,
      outcome: "create",
      probableDuplicate: {
        choice: "import",
        of: [
          {
            contact: { id: jose.id, name: "José García", status: "ACTIVE" },
            reasons: ["same_name"],
            text: "Same name",
          },
        ],
      },
    });
    expect(outcome.rows[1]!.probableDuplicate).toBeUndefined();
    expect(await names(companyId)).toEqual(["José García", "JOSE garcia", "Ann Lee"]);
  });

  test("the same phone in another format is flagged; skipping all flagged rows creates none of them, a row chosen to import is created", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    await person(companyId, { firstName: "Maria", lastName: "Lopez", phone: "(817) 213-2082" });
    await person(companyId, { firstName: "Tom", lastName: "Hill", phone: "+1 555 010 9999" });
    const rows = [
      ["Mary", "Lopes", "", "817-213-2082", "", ""],
      ["Thomas", "Hillman", "", "15550109999", "", ""],
      ["Zed", "Young", "", "", "", ""],
    ];
    const dry = await importContacts(db.prisma, options(companyId, rows, { dryRun: true, onDuplicate: "skip" }));
    expect(dry.counts).toMatchObject({ create: 1, skip: 2, probableDuplicates: 2 });
    expect(dry.rows[0]).toMatchObject({
      outcome: "skip",
      reason: "probably Maria Lopez (same phone)",
      probableDuplicate: { choice: "skip", of: [{ reasons: ["same_phone"] }] },
    });
    const applied = await importContacts(
      db.prisma,
      options(companyId, rows, { onDuplicate: "skip", duplicateRows: { "3": "import" } }),
    );
    expect(applied.counts).toMatchObject({ create: 2, skip: 1, probableDuplicates: 2 });
    expect(await names(companyId)).toEqual(["Maria Lopez", "Tom Hill", "Thomas Hillman", "Zed Young"]);
  });

  test("the same name at another company is no duplicate; a near-identical name at the same company is", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const acme = await createVendor(db.prisma, companyId, "Acme");
    const other = await createVendor(db.prisma, companyId, "Other");
    await person(companyId, { firstName: "Jon", lastName: "Smith", vendorId: other.id });
    const johnny = await person(companyId, { firstName: "Johnathan", lastName: "Baker", vendorId: acme.id });
    const outcome = await importContacts(
      db.prisma,
      options(
        companyId,
        [
          ["Jon", "Smith", "", "", "", "Acme"],
          ["Jonathan", "Baker", "", "", "", "acme"],
          ["Jonathan", "Baker", "", "", "", "Brand New"],
        ],
        { dryRun: true },
      ),
    );
    expect(outcome.rows.map((r) => r.probableDuplicate?.of)).toEqual([
      undefined,
      [
        {
          contact: { id: johnny.id, name: "Johnathan Baker", status: "ACTIVE" },
          reasons: ["similar_name"],
          text: "Similar name",
        },
      ],
      undefined,
    ]);
  });

  test("rows inside the file that are probably one person are flagged against the earlier row", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const outcome = await importContacts(
      db.prisma,
      options(
        companyId,
        [
          ["Kim", "Park", "", "214 555 0100", "", ""],
          ["Lee", "Chan", "", "", "", ""],
          ["Kimberly", "Park", "", "2145550100", "", ""],
          ["lee", "chán", "", "", "", ""],
        ],
        { dryRun: true },
      ),
    );
    expect(outcome.rows.map((r) => r.probableDuplicate?.of)).toEqual([
      undefined,
      undefined,
      [{ row: 2, reasons: ["same_phone"], text: "Same phone" }],
      [{ row: 3, reasons: ["same_name"], text: "Same name" }],
    ]);
  });

  test("another company's contacts and merged-away contacts are never named", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const { id: otherCompanyId } = await createCompany(db.prisma);
    await person(otherCompanyId, { firstName: "Ada", lastName: "Stone", phone: "2145550111" });
    const kept = await person(companyId, { firstName: "Bea", lastName: "Stone" });
    await db.prisma.contact.create({
      data: { companyId, firstName: "Ada", lastName: "Stone", status: "MERGED", mergedIntoId: kept.id },
    });
    const outcome = await importContacts(
      db.prisma,
      options(companyId, [["Ada", "Stone", "", "214-555-0111", "", ""]], { dryRun: true }),
    );
    expect(outcome.counts.probableDuplicates).toBe(0);
  });

  test("a new company that only skipped rows name is not created", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    await person(companyId, { firstName: "Ivy", lastName: "Moss", phone: "3125550123" });
    const outcome = await importContacts(
      db.prisma,
      options(
        companyId,
        [
          ["Ivy", "Moss", "", "312.555.0123", "", "Only Here Co"],
          ["Ray", "Fox", "", "", "", "Kept Co"],
        ],
        { onDuplicate: "skip" },
      ),
    );
    expect(outcome.newVendors).toEqual(["Kept Co"]);
    expect((await db.prisma.vendor.findMany({ where: { companyId } })).map((v) => v.name)).toEqual(["Kept Co"]);
  });

  test("the duplicates of every row are found in one statement: 2 flagged rows or 300 cost the same statements", async () => {
    const counts: number[] = [];
    for (const n of [2, 300]) {
      const { id: companyId } = await createCompany(db.prisma);
      await db.prisma.contact.createMany({
        data: Array.from({ length: n }, (_, i) => ({ companyId, firstName: "Sam", lastName: `Row${i}` })),
      });
      plan.seen = 0;
      const outcome = await importContacts(
        faulty,
        options(
          companyId,
          Array.from({ length: n }, (_, i) => ["sam", `row${i}`, "", "", "", ""]),
          { onDuplicate: "skip" },
        ),
      );
      expect(outcome.counts).toMatchObject({ probableDuplicates: n, skip: n, create: 0 });
      counts.push(plan.seen);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
