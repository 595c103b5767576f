import AxeBuilder from "@axe-core/playwright";
import * as XLSX from "@e965/xlsx";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  COMPANY_ID,
  COMPANY_PATH,
  CONTACTS_PATH,
  newContact,
  openDirectory,
  openProjectDirectory,
  search,
  snap,
  toast,
  waitForHydration,
} from "./support";

const PROJECT = "Northgate Distribution Warehouse";

/** A screenshot at desktop and phone width, and axe on the step as it is. */
async function checkStep(page: Page, testInfo: TestInfo, name: string) {
  // Without motion a toast is either not there yet or fully shown: axe never measures one mid-fade.
  await page.emulateMedia({ reducedMotion: "reduce" });
  const results = await new AxeBuilder({ page }).analyze();
  const report = results.violations.map(
    (v) => `[${v.impact}] ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(report, `axe violations on ${name}`).toEqual([]);
  await snap(page, testInfo, `${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, testInfo, `${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

function xlsxFile(rows: (string | number)[][]) {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "Payroll");
  return {
    name: "payroll.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer,
  };
}

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await waitForHydration(page, page.getByLabel("Spreadsheet file"));
  await page.getByLabel("Spreadsheet file").setInputFiles(file);
  await expect(page.getByText(`${file.name} (`)).toBeVisible();
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Map columns" })).toBeVisible();
}

test("import an XLSX into the company: correct a mapping, see an error, skip it, import, find the people, undo", async ({
  page,
}, testInfo) => {
  const ann = newContact("Ann", "Importer");
  const bo = newContact("Bo", "Importer");
  await openDirectory(page, CONTACTS_PATH);
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Upload" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download template (CSV)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download template (XLSX)" })).toBeVisible();
  await checkStep(page, testInfo, "upload");
  const template = await page.request.get(
    (await page.getByRole("link", { name: "Download template (CSV)" }).getAttribute("href"))!,
  );
  expect((await template.text()).replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe(
    "First name,Last name,Email,Phone,Job title,Employee ID,Classification,Employee of our company,Company,Projects",
  );
  const xlsxTemplate = await page.request.get(
    (await page.getByRole("link", { name: "Download template (XLSX)" }).getAttribute("href"))!,
  );
  expect(XLSX.read(await xlsxTemplate.body()).SheetNames).toEqual(["Contacts"]);

  await upload(
    page,
    xlsxFile([
      ["Given name", "Surname", "E-mail", "Badge #", "Craft code"],
      [ann.firstName, ann.lastName, ann.email, ann.employeeId, "J1"],
      [bo.firstName, bo.lastName, bo.email, bo.employeeId, "A2"],
      ["Cy", "Broken", "not-an-email", "", "A3"],
    ]),
  );
  await expect(page).toHaveURL(/\/directory\/import\/[0-9a-f-]{36}\?step=map$/);
  await expect(page.getByRole("combobox", { name: "Field for column Given name" })).toHaveValue("firstName");
  await expect(page.getByRole("combobox", { name: "Field for column Craft code" })).toHaveValue("skip");
  await page.getByRole("combobox", { name: "Field for column Craft code" }).selectOption({ label: "Classification" });
  await checkStep(page, testInfo, "map");

  await page.getByRole("button", { name: "Continue to Review" }).click();
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  const counts = page.getByRole("definition");
  await expect(counts.nth(0)).toHaveText("2");
  await expect(counts.nth(3)).toHaveText("1");
  await expect(page.getByText("E-mail: Enter an email address like name@example.com.")).toBeVisible();
  // The step survives a reload.
  await page.reload();
  await expect(page.getByText("E-mail: Enter an email address like name@example.com.")).toBeVisible();
  await page.getByRole("link", { name: "Errors only" }).click();
  await expect(page.getByRole("row")).toHaveCount(2);
  await checkStep(page, testInfo, "review");
  const errors = await page.request.get(
    (await page.getByRole("link", { name: "Download errors (CSV)" }).getAttribute("href"))!,
  );
  const errorLines = (await errors.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(errorLines).toEqual([
    "Row,Given name,Surname,E-mail,Badge #,Craft code,Problem",
    "4,Cy,Broken,not-an-email,,A3,E-mail: Enter an email address like name@example.com.",
  ]);

  await page.getByRole("button", { name: "Import 2 valid rows, skip 1" }).click();
  await expect(toast(page, "Imported: 2 created, 0 updated")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Import", exact: true })).toBeVisible();
  await checkStep(page, testInfo, "done");
  const done = page.url();

  await openDirectory(page, CONTACTS_PATH);
  await search(page, "Importer");
  await expect(page.getByRole("link", { name: ann.name })).toBeVisible();
  await expect(page.getByRole("link", { name: bo.name })).toBeVisible();

  // The result is the URL's too: back on it later, the import can still be undone.
  await page.goto(done);
  await waitForHydration(page, page.getByRole("button", { name: "Undo import" }));
  await page.getByRole("button", { name: "Undo import" }).click();
  await expect(toast(page, "Undone: the import is taken back")).toBeVisible();
  await openDirectory(page, CONTACTS_PATH);
  await search(page, ann.lastName);
  await expect(page.getByRole("link", { name: ann.name })).toHaveCount(0);
});

test("import a semicolon Windows-1252 CSV into a project: the people join its directory", async ({
  page,
}, testInfo) => {
  const jorg = newContact("Jörg", "Müller");
  await openProjectDirectory(page, PROJECT);
  await page.getByRole("link", { name: "Import", exact: true }).click();
  // The seed's addresses are ASCII; the name is what Windows-1252 carries.
  const csv = `Vorname;Nachname;E-mail;Badge #\r\n${jorg.firstName};${jorg.lastName};joerg.${jorg.employeeId.toLowerCase()}@e2e.example.com;${jorg.employeeId}\r\n`;
  await upload(page, { name: "crew.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "latin1") });
  await expect(page.getByText("read as Windows-1252 (Western European)")).toBeVisible();
  // Read as UTF-8 the ö is no letter: the samples show it, and the user puts the encoding right.
  const encoding = page.getByRole("combobox", { name: "Encoding" });
  await expect(encoding).toHaveValue("windows-1252");
  await encoding.selectOption("utf-8");
  await expect(page.getByText("read as UTF-8")).toBeVisible();
  await expect(page.getByText(jorg.firstName.replace("ö", "\uFFFD")).filter({ visible: true }).first()).toBeVisible();
  await encoding.selectOption("windows-1252");
  await expect(page.getByText("read as Windows-1252 (Western European)")).toBeVisible();
  await expect(page.getByText(jorg.firstName).filter({ visible: true }).first()).toBeVisible();
  await checkStep(page, testInfo, "project-map");
  await expect(page.getByRole("combobox", { name: "Delimiter" })).toHaveValue(";");
  await expect(page.getByRole("combobox", { name: "Field for column Vorname" })).toHaveValue("firstName");
  await page.getByRole("button", { name: "Continue to Review" }).click();
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  await expect(page.getByRole("cell", { name: jorg.lastName, exact: true })).toBeVisible();
  await checkStep(page, testInfo, "project-review");
  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(toast(page, "Imported: 1 created, 0 updated")).toBeVisible();
  await page.getByRole("link", { name: "Open the directory" }).click();
  await search(page, jorg.lastName);
  await expect(page.getByRole("link", { name: jorg.name })).toBeVisible();
});

test("a spreadsheet over 1 MB uploads: the app's server lets the Upload page take files up to 20 MB", async ({
  page,
}) => {
  // 25,000 rows of about 60 bytes: over the 1 MB every other server action is held to.
  const lines = ["First name,Last name,Email,Job title"];
  for (let i = 0; i < 25_000; i++)
    lines.push(`Worker${i},Bigfile${i},worker${i}@bigfile.example,Journeyman Electrician`);
  const buffer = Buffer.from(lines.join("\n"), "utf8");
  expect(buffer.length).toBeGreaterThan(1024 * 1024);
  await page.goto(`${COMPANY_PATH}/directory/import`);
  await upload(page, { name: "big-crew.csv", mimeType: "text/csv", buffer });
  await expect(page.getByText("Worker0").filter({ visible: true }).first()).toBeVisible();
});

test("the review flags a row that is probably an existing contact, links it, and skips it when asked", async ({
  page,
}, testInfo) => {
  const listed = await page.request.get(`/api/v1/companies/${COMPANY_ID}/contacts?perPage=1`);
  expect(listed.status()).toBe(200);
  const existing = ((await listed.json()) as { data: { id: string; firstName: string; lastName: string }[] }).data[0]!;
  const fresh = newContact("Dara", "Reviewer");
  // The existing contact's name in capitals and without its accents is the same name.
  const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase();
  const csv = [
    "First name,Last name,Email,Employee ID",
    `${fold(existing.firstName)},${fold(existing.lastName)},,`,
    `${fresh.firstName},${fresh.lastName},${fresh.email},${fresh.employeeId}`,
  ].join("\r\n");
  await page.goto(`${COMPANY_PATH}/directory/import`);
  await upload(page, { name: "crew.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Continue to Review" }).click();
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  await expect(page.getByRole("definition").nth(5)).toHaveText("1");
  const flagged = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "2", exact: true }) });
  const link = flagged.getByRole("link", { name: `${existing.firstName} ${existing.lastName}` });
  await expect(link).toHaveAttribute("href", `${COMPANY_PATH}/contacts/${existing.id}`);
  await expect(flagged.getByText(/: Same name$/)).toBeVisible();
  await page.getByRole("link", { name: "Probable duplicates only" }).click();
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.getByRole("link", { name: "All rows" }).click();

  const choice = page.getByRole("combobox", { name: "Row 2: probable duplicate" });
  await waitForHydration(page, choice);
  await expect(choice).toHaveValue("import");
  await choice.selectOption({ label: "Skip this row" });
  await expect(
    flagged.getByText(`Skipped: probably ${existing.firstName} ${existing.lastName} (same name)`),
  ).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Row 2: probable duplicate" })).toHaveValue("skip");
  await checkStep(page, testInfo, "review-duplicates");

  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(toast(page, "Imported: 1 created, 0 updated")).toBeVisible();
  await waitForHydration(page, page.getByRole("button", { name: "Undo import" }));
  await page.getByRole("button", { name: "Undo import" }).click();
  await expect(toast(page, "Undone: the import is taken back")).toBeVisible();
});
