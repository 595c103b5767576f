import { buffer, text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "csv-parse/sync";
import { contactsCsv, csvBatchStream, neutralizeFormula } from "@/features/contacts/export-csv";
import { parseDirectorySearchParams } from "@/features/contacts/validations";
import type { Database } from "@/server/db/open-database";
import { TEST_DATABASES, openTestDatabase } from "../helpers/database";
import { createCompany, createContact, createProject, createVendor } from "../helpers/factories";

test("cells a spreadsheet would run as formulas are neutralised", () => {
  expect(neutralizeFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
  expect(neutralizeFormula("+1 555 0100")).toBe("'+1 555 0100");
  expect(neutralizeFormula("-2+3")).toBe("'-2+3");
  expect(neutralizeFormula("@SUM(A1)")).toBe("'@SUM(A1)");
  expect(neutralizeFormula("Ana = foreman")).toBe("Ana = foreman");
});

test("a formula start after a delimiter some spreadsheet splits on (, ; tab) is neutralised too", () => {
  expect(neutralizeFormula("Foreman;=2+5")).toBe("Foreman;'=2+5");
  expect(neutralizeFormula("Crew,@SUM(A1)")).toBe("Crew,'@SUM(A1)");
  expect(neutralizeFormula("Lead\t-2+3")).toBe("Lead\t'-2+3");
  expect(neutralizeFormula("=1;+2")).toBe("'=1;'+2");
  expect(neutralizeFormula("Ana = foreman; B-shift")).toBe("Ana = foreman; B-shift");
});

async function* batchesOf(batch: string[][]) {
  yield batch;
}

test("every awkward cell reads back from the file as it was, formulas defused and , ; tab quoted", async () => {
  const cells = [
    "",
    "plain",
    "José Núñez",
    "a,b",
    "a;b",
    "a\tb",
    'say "hi"',
    '"',
    "line\nbreak",
    "carriage\rreturn",
    "\r\n",
    "=1+2",
    "+1 555 0100",
    "-2",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "Foreman;=2+5",
    'x,=HYPERLINK("http://evil")',
    "a-b",
    "2026-12-01",
    "9f1ac37e-0000-4000-8000-000000000000",
    "T&M Tickets",
    "emoji 👷‍♀️ ok",
    "ﬁ ligature \u00a0nbsp \u200bzero-width",
    "'already quoted",
    " =leading space",
    "x".repeat(100_000),
  ];
  const bytes = await buffer(csvBatchStream(batchesOf([cells, [...cells].reverse()]), ["A", "B"]));
  // UTF-8 with the byte-order mark Excel needs.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const file = bytes.toString("utf8");
  const [header, ...records] = parse(file, { bom: true, relax_column_count: true }) as string[][];
  expect(header).toEqual(["A", "B"]);
  expect(records).toEqual([cells.map(neutralizeFormula), [...cells].reverse().map(neutralizeFormula)]);
  // A delimiter some spreadsheet splits on is never bare in the file.
  for (const cell of ["a;b", "a\tb", "a,b"]) expect(file).toContain(`"${cell}"`);
});

test("a read failing mid-export ends the download with the error instead of leaving it open", async () => {
  async function* batches() {
    yield [["1", "Ana"]];
    throw new Error("the database went away");
  }
  await expect(text(csvBatchStream(batches(), ["Id", "Name"]))).rejects.toThrow("the database went away");
});

test("a download stopped halfway stops the reads", async () => {
  let read = 0;
  let stopped = false;
  async function* batches() {
    try {
      for (;;) {
        read++;
        yield [[String(read), "x".repeat(100_000)]];
      }
    } finally {
      stopped = true;
    }
  }
  const csv = csvBatchStream(batches(), ["Id", "Filler"]);
  for await (const chunk of csv) {
    expect(chunk).toBeTruthy();
    break; // The browser goes away after the first chunk.
  }
  await new Promise((resolve) => setImmediate(resolve));
  expect(stopped).toBe(true);
  expect(read).toBeLessThan(5);
});

describe.each(TEST_DATABASES)("CSV export on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db.close());

  test("exports the tab's rows with its search, in Excel-friendly UTF-8, formulas defused", async () => {
    const company = await createCompany(db.prisma);
    const project = await createProject(db.prisma, company.id, "Harbor View");
    const vendor = await createVendor(db.prisma, company.id, "Núñez Concrete");
    await createContact(db.prisma, company.id, {
      firstName: "José",
      lastName: "Núñez",
      vendorId: vendor.id,
      projects: { [project.id]: "INACTIVE" },
      status: "INACTIVE",
    });
    await createContact(db.prisma, company.id, { firstName: "=cmd", lastName: "Attack", status: "INACTIVE" });
    await createContact(db.prisma, company.id, { firstName: "Still", lastName: "Active" });

    const bytes = await buffer(
      contactsCsv(db.prisma, { companyId: company.id }, "inactive-contacts", parseDirectorySearchParams({}).query),
    );
    // The UTF-8 byte-order mark Excel needs, then the header.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const all = bytes.subarray(3).toString("utf8");
    expect(all.startsWith("Contact ID,First name,Last name,Email,Phone,Job title,Company")).toBe(true);
    const lines = all.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^[0-9a-f-]{36},'=cmd,Attack,/);
    expect(lines[2]).toMatch(/^[0-9a-f-]{36},José,Núñez,,,,Núñez Concrete,.*,Inactive,Harbor View,/);

    const searched = await text(
      contactsCsv(
        db.prisma,
        { companyId: company.id },
        "inactive-contacts",
        parseDirectorySearchParams({ q: "núñez" }).query,
      ),
    );
    expect(searched.trim().split("\n")).toHaveLength(2);
  });

  test("every cell holding , ; or a tab is quoted, so no spreadsheet splits a formula out of it", async () => {
    const company = await createCompany(db.prisma);
    const contact = await createContact(db.prisma, company.id, { firstName: "Semi", lastName: "Colon" });
    await db.prisma.contact.update({
      where: { companyId_id: { companyId: contact.companyId, id: contact.id } },
      data: { jobTitle: "Foreman;=2+5", employeeId: "A\t=1" },
    });
    const csv = await text(
      contactsCsv(db.prisma, { companyId: company.id }, "contacts", parseDirectorySearchParams({}).query),
    );
    const row = csv.trim().split("\n")[1]!;
    expect(row).toMatch(/^[0-9a-f-]{36},Semi,Colon,,,"Foreman;'=2\+5",,"A\t'=1",/);
  });

  test("a contact's projects are listed by name, joined with ; and quoted, and the tab's filters hold", async () => {
    const company = await createCompany(db.prisma);
    const vendor = await createVendor(db.prisma, company.id, "Acme");
    const [tower, annex, zulu, other] = await Promise.all(
      ["Tower", "annex", "Zulu =Yard", "Not a member"].map((name) => createProject(db.prisma, company.id, name)),
    );
    await createContact(db.prisma, company.id, {
      firstName: "Many",
      lastName: "Projects",
      vendorId: vendor.id,
      projects: { [zulu!.id]: "ACTIVE", [tower!.id]: "ACTIVE", [annex!.id]: "ACTIVE", [other!.id]: "INACTIVE" },
    });
    await createContact(db.prisma, company.id, { firstName: "No", lastName: "Vendor" });
    const all = await text(
      contactsCsv(db.prisma, { companyId: company.id }, "contacts", parseDirectorySearchParams({}).query),
    );
    const rows = all.trim().split("\n").slice(1);
    // Name order, case aside; the membership of the other status is not listed.
    expect(rows.find((row) => row.includes(",Many,"))).toMatch(/,Acme,.*,Active,"annex; Tower; Zulu =Yard",/);
    const filtered = await text(
      contactsCsv(
        db.prisma,
        { companyId: company.id },
        "contacts",
        parseDirectorySearchParams({ vendor: vendor.id.toUpperCase() }).query,
      ),
    );
    expect(filtered.trim().split("\n").slice(1)).toEqual([expect.stringContaining(",Many,Projects,")]);
  });

  test("each row starts with its contact's id, and a tab larger than one read comes whole, in the tab's order", async () => {
    const company = await createCompany(db.prisma);
    const project = await createProject(db.prisma, company.id, "Pier 9");
    // More rows than two batches of the stream (2,000 each), so the batches are crossed.
    await db.sql.query(
      `INSERT INTO "Contact" ("companyId", "firstName", "lastName") SELECT $1, 'Worker', lpad(g::text, 5, '0') FROM generate_series(1, 5003) g`,
      [company.id],
    );
    await db.sql.query(
      `INSERT INTO "ProjectContact" ("companyId", "projectId", "contactId", status) SELECT "companyId", $2, id, 'ACTIVE' FROM "Contact" WHERE "companyId" = $1 AND "lastName" IN ('00001', '05002')`,
      [company.id, project.id],
    );
    const csv = await text(
      contactsCsv(db.prisma, { companyId: company.id }, "contacts", parseDirectorySearchParams({}).query),
    );
    const rows = csv.trim().split("\n").slice(1);
    expect(rows).toHaveLength(5003);
    const lastNames = rows.map((row) => row.split(",")[2]);
    expect(lastNames).toEqual(Array.from({ length: 5003 }, (_, i) => String(i + 1).padStart(5, "0")));
    const stored = await db.prisma.contact.findMany({
      where: { companyId: company.id },
      select: { id: true, lastName: true },
    });
    const idOf = new Map(stored.map((c) => [c.lastName, c.id]));
    for (const row of [rows[0]!, rows[5001]!, rows[5002]!]) {
      const [id, , lastName] = row.split(",");
      expect(id).toBe(idOf.get(lastName!));
    }
    expect(rows[0]).toContain(",Pier 9,");
    expect(rows[5001]).toContain(",Pier 9,");
    expect(rows[5002]).not.toContain("Pier 9");
  });
});
