import * as XLSX from "@e965/xlsx";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as importRoute from "@/app/api/v1/companies/[companyId]/contacts/import/route";
import * as undoRoute from "@/app/api/v1/companies/[companyId]/batches/[batchId]/undo/route";
import * as listRoute from "@/app/api/v1/companies/[companyId]/contacts/route";
import { importResultSchema } from "@/server/api/import-schemas";
import { contactPageSchema, undoResultSchema } from "@/server/api/schemas";
import type { Database } from "@/server/db/open-database";
import { inactivateContacts } from "@/server/contacts/inactivate-contacts";
import { updateContact } from "@/server/contacts/update-contact";
import {
  adminToken,
  callApi,
  closeApiTestDatabase,
  companySnapshot,
  expectError,
  expectSuccess,
  openApiTestDatabase,
  type ApiResult,
} from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import {
  createCompany,
  createContact,
  createProject,
  createUserWithToken,
  createVendor,
  membershipStatuses,
} from "../helpers/factories";

type Form = Record<string, string | undefined> & { mapping?: string };

describe.each(TEST_DATABASES)("contact import API on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
  });
  afterAll(() => closeApiTestDatabase(db));

  /** Posts a file as multipart/form-data, as a company Admin unless another token is given. */
  async function importFile(
    companyId: string,
    file: { name: string; content: string | Uint8Array },
    fields: Form = {},
    { token, headers = {} }: { token?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResult> {
    const form = new FormData();
    const bytes = typeof file.content === "string" ? new TextEncoder().encode(file.content) : file.content;
    form.set("file", new File([new Uint8Array(bytes)], file.name));
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, value);
    const request = new Request("http://rollcall.test/api/v1/import", {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${token ?? (await adminToken(companyId))}`, ...headers },
    });
    const response = await importRoute.POST(request, { params: Promise.resolve({ companyId }) });
    return { status: response.status, body: await response.json() };
  }
  const csv = (...lines: string[]) => ({ name: "people.csv", content: lines.join("\r\n") + "\r\n" });
  const contacts = (companyId: string) =>
    db.prisma.contact.findMany({ where: { companyId }, orderBy: [{ lastName: "asc" }], include: { vendor: true } });

  test("creates contacts with origin Import, guessing the headers, creating unknown companies, in one batch", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    await createVendor(db.prisma, companyId, "Acme Electric");
    const result = expectSuccess(
      await importFile(
        companyId,
        csv(
          "Given name;Surname;E-mail;Badge #;Sub;Employee of our company",
          "Ann;Lee;ANN@example.com;E-1;  acme   ELECTRIC ;no",
          "Bo;Kim;;E-2;New Drywall Co;yes",
        ),
        { reason: "Payroll export" },
      ),
      importResultSchema,
    );
    expect(result).toMatchObject({
      dryRun: false,
      created: 2,
      updated: 0,
      unchanged: 0,
      skipped: [],
      invalid: [],
      newCompanies: ["New Drywall Co"],
    });
    expect(result.mapping).toEqual({
      "Given name": "firstName",
      Surname: "lastName",
      "E-mail": "email",
      "Badge #": "employeeId",
      Sub: "vendor",
      "Employee of our company": "isEmployee",
    });
    const rows = await contacts(companyId);
    expect(
      rows.map((c) => [c.firstName, c.lastName, c.email, c.employeeId, c.vendor?.name, c.isEmployee, c.origin]),
    ).toEqual([
      ["Bo", "Kim", null, "E-2", "New Drywall Co", true, "IMPORT"],
      ["Ann", "Lee", "ann@example.com", "E-1", "Acme Electric", false, "IMPORT"],
    ]);
    const batch = await db.prisma.changeBatch.findUniqueOrThrow({
      where: { companyId_id: { companyId, id: result.batchId! } },
    });
    expect(batch).toMatchObject({
      action: "contacts.import",
      reason: "Payroll export",
      details: { fileName: "people.csv", rowCount: 2 },
    });
    const events = await db.prisma.contactEvent.findMany({ where: { companyId, batchId: batch.id } });
    expect(events.map((e) => e.action)).toEqual(["contact.imported", "contact.imported"]);
  });

  test("a dry run plans and changes nothing; updates change only mapped, non-empty cells; skip leaves matches alone", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const lee = await createContact(db.prisma, companyId, {
      firstName: "Ann",
      lastName: "Lee",
      email: "ann@example.com",
    });
    await db.prisma.contact.update({
      where: { companyId_id: { companyId: lee.companyId, id: lee.id } },
      data: { employeeId: "E-1", phone: "555 0100" },
    });
    const kim = await createContact(db.prisma, companyId, {
      firstName: "Bo",
      lastName: "Kim",
      email: "bo@example.com",
    });
    const file = csv(
      "First name,Last name,Email,Employee ID,Phone,Job title",
      "Annie,Lee,,e-1,,Foreman",
      "Bo,Kim,BO@example.com,,,",
      "Cy,Diaz,cy@example.com,,,",
    );
    const before = await companySnapshot(db.prisma, companyId);

    const plan = expectSuccess(
      await importFile(companyId, file, { onMatch: "update", dryRun: "true" }),
      importResultSchema,
    );
    expect(plan).toMatchObject({ batchId: null, dryRun: true, created: 1, updated: 1, unchanged: 1 });
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);

    const skipped = expectSuccess(await importFile(companyId, file), importResultSchema);
    expect(skipped).toMatchObject({
      created: 1,
      updated: 0,
      skipped: [
        { row: 2, reason: "matches Ann Lee" },
        { row: 3, reason: "matches Bo Kim" },
      ],
    });

    const updated = expectSuccess(await importFile(companyId, file, { onMatch: "update" }), importResultSchema);
    expect(updated).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const after = await db.prisma.contact.findUniqueOrThrow({
      where: { companyId_id: { companyId: lee.companyId, id: lee.id } },
    });
    expect(after).toMatchObject({
      firstName: "Annie",
      lastName: "Lee",
      email: "ann@example.com",
      phone: "555 0100",
      jobTitle: "Foreman",
      employeeId: "E-1",
    });
    expect(
      (await db.prisma.contact.findUniqueOrThrow({ where: { companyId_id: { companyId: kim.companyId, id: kim.id } } }))
        .updatedAt,
    ).toEqual(kim.updatedAt);
  });

  test("a row matching an inactive contact updates it and it stays inactive; into a project, created and matched contacts join it", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const site = await createProject(db.prisma, companyId, "Harbor View");
    const other = await db.prisma.project.create({ data: { companyId, name: "Depot", number: "P-7" } });
    const gone = await createContact(db.prisma, companyId, {
      firstName: "Dee",
      lastName: "Old",
      email: "dee@example.com",
      status: "INACTIVE",
    });
    const result = expectSuccess(
      await importFile(
        companyId,
        csv("Full name,Email,Job title,Projects", "Dee Old,dee@example.com,Welder,", "Eve Novak,eve@example.com,,p-7"),
        {
          onMatch: "update",
          projectId: site.id.toUpperCase(),
        },
      ),
      importResultSchema,
    );
    expect(result).toMatchObject({ created: 1, updated: 1 });
    const dee = await db.prisma.contact.findUniqueOrThrow({
      where: { companyId_id: { companyId: gone.companyId, id: gone.id } },
    });
    expect(dee).toMatchObject({ status: "INACTIVE", jobTitle: "Welder" });
    // Inactive on the project, so reactivating her brings her to it.
    expect(await membershipStatuses(db.prisma, gone)).toEqual({ [site.id]: "INACTIVE" });
    const eve = await db.prisma.contact.findFirstOrThrow({ where: { companyId, email: "eve@example.com" } });
    expect(eve).toMatchObject({ firstName: "Eve", lastName: "Novak", originProjectId: site.id });
    expect(await membershipStatuses(db.prisma, eve)).toEqual({ [site.id]: "ACTIVE", [other.id]: "ACTIVE" });
    const batch = await db.prisma.changeBatch.findUniqueOrThrow({
      where: { companyId_id: { companyId, id: result.batchId! } },
    });
    expect(batch.projectId).toBe(site.id);
  });

  test("undo puts updated contacts back and takes created ones out of every list; refused after a later change", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const site = await createProject(db.prisma, companyId);
    const lee = await createContact(db.prisma, companyId, {
      firstName: "Ann",
      lastName: "Lee",
      email: "ann@example.com",
    });
    const result = expectSuccess(
      await importFile(
        companyId,
        csv(
          "First name,Last name,Email,Job title,Projects",
          `Annie,Lee,ann@example.com,Foreman,${site.name}`,
          "Cy,Diaz,cy@example.com,,",
        ),
        {
          onMatch: "update",
        },
      ),
      importResultSchema,
    );
    const undo = (batchId: string) => callApi(undoRoute.POST, { params: { companyId, batchId }, body: {} });
    const list = async () =>
      expectSuccess(await callApi(listRoute.GET, { params: { companyId }, query: { q: "" } }), contactPageSchema);
    expect((await list()).total).toBe(2);

    const undone = expectSuccess(await undo(result.batchId!), undoResultSchema);
    expect(undone.contactIds).toHaveLength(2);
    expect(
      await db.prisma.contact.findUniqueOrThrow({ where: { companyId_id: { companyId: lee.companyId, id: lee.id } } }),
    ).toMatchObject({
      firstName: "Ann",
      jobTitle: null,
    });
    expect(await membershipStatuses(db.prisma, lee)).toEqual({ [site.id]: "REMOVED" });
    expect(await db.prisma.contact.findFirstOrThrow({ where: { companyId, email: "cy@example.com" } })).toMatchObject({
      status: "DISCARDED",
    });
    const listed = await list();
    expect(listed.data.map((c) => c.firstName)).toEqual(["Ann"]);
    expect((await callApi(listRoute.GET, { params: { companyId }, query: { status: "inactive" } })).body).toMatchObject(
      { total: 0 },
    );
    expectError(
      await callApi(listRoute.GET, { params: { companyId }, query: { status: "discarded" } }),
      400,
      "validation_error",
    );
    // The history keeps the import and its undo.
    const events = await db.prisma.contactEvent.findMany({ where: { companyId }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action).sort()).toEqual([
      "batch.undone",
      "batch.undone",
      "contact.imported",
      "contact.updated_by_import",
    ]);
    expectError(await undo(result.batchId!), 409, "conflict");

    // Import again; a later edit of one of its contacts blocks the undo, and nothing changes.
    const again = expectSuccess(
      await importFile(companyId, csv("First name,Last name,Email", "Cy,Diaz,cy@example.com", "Di,Fox,di@example.com")),
      importResultSchema,
    );
    expect(again.created).toBe(2);
    const di = await db.prisma.contact.findFirstOrThrow({ where: { companyId, email: "di@example.com" } });
    await updateContact(db.prisma, { companyId, contactId: di.id, patch: { jobTitle: "Laborer" } });
    const before = await companySnapshot(db.prisma, companyId);
    const refused = expectError(await undo(again.batchId!), 409, "conflict");
    expect(refused.message).toContain("Di Fox");
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
  });

  test("the encoding field reads a CSV as the caller says, where its bytes would pass for another encoding", async () => {
    // Windows-1252 bytes that are valid UTF-8 too: detected, they read as "Müller".
    const bytes = Uint8Array.from("First name;Last name\r\nJoerg;MÃ¼ller\r\n", (c) => c.charCodeAt(0));
    const names = async (fields: Record<string, string>) => {
      const { id: companyId } = await createCompany(db.prisma);
      expectSuccess(await importFile(companyId, { name: "crew.csv", content: bytes }, fields), importResultSchema);
      return (await contacts(companyId)).map((c) => `${c.firstName} ${c.lastName}`);
    };
    expect(await names({})).toEqual(["Joerg Müller"]);
    expect(await names({ encoding: "windows-1252" })).toEqual(["Joerg MÃ¼ller"]);
    const { id: companyId } = await createCompany(db.prisma);
    expectError(
      await importFile(companyId, { name: "crew.csv", content: bytes }, { encoding: "ebcdic" }),
      400,
      "validation_error",
    );
  });

  test("reads an XLSX and a semicolon Windows-1252 CSV", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ["First name", "Last name", "Badge #"],
        ["Ann", "Lee", 1042],
      ]),
      "Payroll",
    );
    const xlsx = XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
    expect(
      expectSuccess(
        await importFile(companyId, { name: "payroll.xlsx", content: new Uint8Array(xlsx) }),
        importResultSchema,
      ).created,
    ).toBe(1);
    const latin = Uint8Array.from("Vorname;Nachname;Firma\r\nJörg;Müller;Bau GmbH\r\n", (c) => c.charCodeAt(0));
    expect(
      expectSuccess(await importFile(companyId, { name: "crew.csv", content: latin }), importResultSchema).created,
    ).toBe(1);
    const names = (await contacts(companyId)).map((c) => [
      c.firstName,
      c.lastName,
      c.employeeId,
      c.vendor?.name ?? null,
    ]);
    expect(names).toEqual([
      ["Ann", "Lee", "1042", null],
      ["Jörg", "Müller", null, "Bau GmbH"],
    ]);
  });

  test("invalid rows answer 422 naming row and column, and import nothing; skipInvalid imports the rest", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const file = csv(
      "First name,Last name,Email,Employee ID,Projects",
      "Ann,Lee,ann@example.com,E-1,",
      `${"x".repeat(300)},Long,,,`,
      "Bo,Kim,not-an-email,,",
      "Cy,Diaz,,e-1,",
      "Di,Fox,,,Nowhere",
      "Ed,\0Nul,,,",
    );
    const before = await companySnapshot(db.prisma, companyId);
    const refused = expectError(await importFile(companyId, file), 422, "validation_error");
    expect(refused.details).toEqual({
      rows: [
        { row: 3, column: "First name", message: "Keep the first name under 100 characters." },
        { row: 4, column: "Email", message: "Enter an email address like name@example.com." },
        { row: 5, column: "Employee ID", message: "Same Employee ID as row 2." },
        { row: 6, column: "Projects", message: 'No project is named or numbered "Nowhere".' },
        { row: 7, column: "Last name", message: "Remove the NUL character from this cell." },
      ],
    });
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
    const partial = expectSuccess(await importFile(companyId, file, { skipInvalid: "true" }), importResultSchema);
    expect(partial).toMatchObject({ created: 1 });
    expect(partial.invalid.map((p) => p.row)).toEqual([3, 4, 5, 6, 7]);
  });

  test.each([
    [
      "a PNG renamed .csv",
      { name: "photo.csv", content: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) },
      {},
      "is a PNG image",
    ],
    ["an empty file", { name: "empty.csv", content: "" }, {}, "is empty"],
    ["a header row only", { name: "h.csv", content: "First name,Last name\n" }, {}, "no people"],
    ["no name column mapped", { name: "n.csv", content: "Email,Phone\na@x.com,1\n" }, {}, "No name column is mapped"],
    [
      "a mapping naming a missing header",
      { name: "m.csv", content: "A,B\nx,y\n" },
      { mapping: JSON.stringify({ A: "fullName", C: "email" }) },
      'names "C"',
    ],
  ])("refuses %s with 422 and a message", async (_, file, fields, message) => {
    const { id: companyId } = await createCompany(db.prisma);
    const error = expectError(await importFile(companyId, file, fields), 422, "validation_error");
    expect(error.message).toContain(message);
    expect(await db.prisma.contact.count({ where: { companyId } })).toBe(0);
  });

  test("a file over 20 MB is refused before it is read (413), and one that matches two contacts names the ambiguity", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const big = "First name,Last name\r\n" + "Ann,Lee\r\n".repeat(Math.ceil((21 * 1024 * 1024) / 9));
    expectError(await importFile(companyId, { name: "big.csv", content: big }), 413, "body_too_large");
    await createContact(db.prisma, companyId, { email: "same@example.com" });
    await createContact(db.prisma, companyId, { email: "SAME@example.com" });
    const error = expectError(
      await importFile(companyId, csv("First name,Last name,Email", "Ann,Lee,same@example.com")),
      422,
      "validation_error",
    );
    expect(error.details).toEqual({
      rows: [
        { row: 2, column: "Email", message: "2 contacts in the directory have this Email; make them unique first." },
      ],
    });
  });

  test("bad form fields are 400, and only admins may import (project admins into their project)", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const site = await createProject(db.prisma, companyId);
    const file = csv("First name,Last name", "Ann,Lee");
    expectError(await importFile(companyId, file, { onMatch: "merge" }), 400, "validation_error");
    expectError(await importFile(companyId, file, { mapping: "{not json" }), 400, "validation_error");
    expectError(
      await importFile(companyId, file, { mapping: JSON.stringify({ "First name": "nickname" }) }),
      400,
      "validation_error",
    );
    expectError(await importFile(companyId, file, { color: "blue" }), 400, "validation_error");
    const standard = await createUserWithToken(db.prisma, companyId, "STANDARD");
    expectError(await importFile(companyId, file, {}, { token: standard.token }), 403, "forbidden");
    const pm = await createUserWithToken(db.prisma, companyId, "READ_ONLY", { [site.id]: "ADMIN" });
    expectError(await importFile(companyId, file, {}, { token: pm.token }), 403, "forbidden");
    expect(
      expectSuccess(await importFile(companyId, file, { projectId: site.id }, { token: pm.token }), importResultSchema)
        .created,
    ).toBe(1);
  });

  test("probable duplicates are reported with the contact and the reasons; onDuplicate and duplicateRows skip or import them", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const ana = await db.prisma.contact.create({
      data: { companyId, firstName: "Ana", lastName: "Núñez", phone: "(817) 213-2082" },
    });
    const file = csv("First name,Last name,Phone", "ana,nunez,", "Bo,Kim,8172132082", "Cy,Diaz,");
    const dry = expectSuccess(await importFile(companyId, file, { dryRun: "true" }), importResultSchema);
    expect(dry.probableDuplicates).toEqual([
      { row: 2, choice: "import", of: [{ contactId: ana.id, reasons: ["same_name"], text: "Same name" }] },
      { row: 3, choice: "import", of: [{ contactId: ana.id, reasons: ["same_phone"], text: "Same phone" }] },
    ]);
    expect(dry.created).toBe(3);

    const applied = expectSuccess(
      await importFile(companyId, file, { onDuplicate: "skip", duplicateRows: JSON.stringify({ 3: "import" }) }),
      importResultSchema,
    );
    expect(applied).toMatchObject({
      created: 2,
      skipped: [{ row: 2, reason: "probably Ana Núñez (same name)" }],
      probableDuplicates: [
        { row: 2, choice: "skip" },
        { row: 3, choice: "import" },
      ],
    });
    expect(await db.prisma.contact.count({ where: { companyId } })).toBe(3);

    const before = await companySnapshot(db.prisma, companyId);
    expectError(await importFile(companyId, file, { onDuplicate: "maybe" }), 400, "validation_error");
    expectError(await importFile(companyId, file, { duplicateRows: "{not json" }), 400, "validation_error");
    expectError(await importFile(companyId, file, { duplicateRows: '{"row 2":"skip"}' }), 400, "validation_error");
    expectError(await importFile(companyId, file, { duplicateRows: '{"2":"merge"}' }), 400, "validation_error");
    expect(await companySnapshot(db.prisma, companyId)).toEqual(before);
  });

  test("the same file imported twice at once creates its people once; an Idempotency-Key replays the answer", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const file = csv("First name,Last name,Employee ID", "Ann,Lee,E-1", "Bo,Kim,E-2");
    const [a, b] = await Promise.all([importFile(companyId, file), importFile(companyId, file)]);
    const results = [a, b].map((r) => expectSuccess(r, importResultSchema));
    expect(results.map((r) => r.created).sort()).toEqual([0, 2]);
    expect(await db.prisma.contact.count({ where: { companyId } })).toBe(2);

    const other = csv("First name,Last name,Employee ID", "Cy,Diaz,E-3");
    const first = expectSuccess(
      await importFile(companyId, other, {}, { headers: { "idempotency-key": "import-1" } }),
      importResultSchema,
    );
    const replay = expectSuccess(
      await importFile(companyId, other, {}, { headers: { "idempotency-key": "import-1" } }),
      importResultSchema,
    );
    expect(replay).toEqual(first);
    expect(await db.prisma.contact.count({ where: { companyId } })).toBe(3);
  });

  // PGlite is one connection in one process: nothing can race there.
  test.runIf(kind === "postgres")(
    "an import racing a bulk inactivate over the same contacts: both apply, in some order, and the history agrees",
    async () => {
      const { id: companyId } = await createCompany(db.prisma);
      const people = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          createContact(db.prisma, companyId, { firstName: "W", lastName: `N${i}`, email: `w${i}@example.com` }),
        ),
      );
      const file = csv(
        "First name,Last name,Email,Job title",
        ...people.map((_, i) => `W,N${i},w${i}@example.com,Rigger`),
        "New,Person,new@example.com,",
      );
      const [imported, inactivated] = await Promise.all([
        importFile(companyId, file, { onMatch: "update" }),
        inactivateContacts(db.prisma, { companyId, contactIds: people.map((p) => p.id) }),
      ]);
      expect(expectSuccess(imported, importResultSchema)).toMatchObject({ created: 1, updated: 40 });
      expect(inactivated.changed).toHaveLength(40);
      const after = await db.prisma.contact.findMany({ where: { companyId, id: { in: people.map((p) => p.id) } } });
      expect(after.every((c) => c.status === "INACTIVE" && c.jobTitle === "Rigger")).toBe(true);
      // Each contact's events are in the order the changes were applied.
      const events = await db.prisma.contactEvent.findMany({
        where: { companyId, contactId: { in: people.map((p) => p.id) } },
        orderBy: { seq: "asc" },
      });
      const orders = new Set(
        people.map((p) =>
          events
            .filter((e) => e.contactId === p.id)
            .map((e) => e.action)
            .join(">"),
        ),
      );
      expect(orders.size).toBe(1);
    },
  );
});
