import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  COMPANY_ID,
  COMPANY_PATH,
  companyOptions,
  contactsTable,
  dataRows,
  openAddContact,
  openDirectory,
  openProjectDirectory,
  pickCompany,
  search,
  snap,
  TEST_EMPLOYEE_ID_PREFIX,
  toast,
} from "./support";

// Companies and Inactive Companies: the subcontractors and suppliers the contacts work for.
// Every record here is created by the test (names start with "E2E"), so the demo data stays as other specs expect.

const COMPANIES_PATH = `${COMPANY_PATH}/directory/companies`;
const INACTIVE_COMPANIES_PATH = `${COMPANY_PATH}/directory/inactive-companies`;
const PROJECT = "Riverside Elementary Addition";

async function expectNoAxeViolations(page: Page, testInfo: TestInfo, label: string) {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const results = await new AxeBuilder({ page }).analyze();
  await testInfo.attach(`axe-${label}.json`, { body: JSON.stringify(results.violations, null, 2) });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The JSON API as the signed-in admin, from the page (same origin, the session cookie). */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const { status, json } = await page.evaluate(
    async ({ method, url, body }) => {
      const res = await fetch(url, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    },
    { method, url: `/api/v1/companies/${COMPANY_ID}${path}`, body },
  );
  expect(status, JSON.stringify(json)).toBeLessThan(300);
  return json as T;
}

/** Add Company from the Companies tab; answers the new company's id (its page opens). */
async function addCompany(page: Page, name: string) {
  await openDirectory(page, COMPANIES_PATH, page.getByRole("searchbox", { name: "Search companies" }));
  await page.getByRole("button", { name: "Add Company" }).click();
  const dialog = page.getByRole("dialog", { name: "Add Company" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("combobox", { name: "Kind" }).selectOption({ label: "Supplier" });
  await dialog.getByRole("button", { name: "Add Company" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/").at(-1)!;
}

/** Add Contact on the directory that is open, working for this company (chosen in the picker). */
async function addWorker(page: Page, lastName: string, company: string) {
  const dialog = await openAddContact(page);
  await dialog.getByRole("textbox", { name: "First name" }).fill("E2E");
  await dialog.getByRole("textbox", { name: "Last name" }).fill(lastName);
  // The test prefix counts this person among the contacts specs created (contactsCreatedByTests).
  await dialog
    .getByRole("textbox", { name: "Employee ID" })
    .fill(`${TEST_EMPLOYEE_ID_PREFIX}${lastName.replace(/[^A-Za-z0-9]/g, "")}`);
  await pickCompany(page, dialog.getByRole("combobox", { name: "Company", exact: true }), company);
  await dialog.getByRole("button", { name: "Add Contact" }).click();
  // Two people of one company whose names share the test's stamp read as similar names: the
  // duplicate warning asks once, and Create anyway adds the second one.
  const anyway = dialog.getByRole("button", { name: "Create anyway" });
  await expect(async () => {
    if (await anyway.isVisible()) await anyway.click();
    await expect(dialog).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

async function searchCompanies(page: Page, q: string) {
  await page.getByRole("searchbox", { name: "Search companies" }).fill(q);
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(q);
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

test.describe("Companies", () => {
  test("an admin inactivates a subcontractor with its people, it leaves the Add Contact picker, and reactivates it", async ({
    page,
  }, testInfo) => {
    const stamp = Date.now().toString(36);
    const name = `E2E Sparks Electric ${stamp}`;
    await openDirectory(page, COMPANIES_PATH, page.getByRole("searchbox", { name: "Search companies" }));
    const tabs = page.getByRole("navigation", { name: "Directory" });
    await expect(tabs.getByRole("link", { name: "Companies", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(tabs.getByRole("link", { name: "Inactive Companies", exact: true })).toBeVisible();
    for (const header of ["Name", "Kind", "Trade", "Contacts", "Projects", "Phone"]) {
      await expect(contactsTable(page).getByRole("columnheader", { name: header, exact: true })).toBeVisible();
    }
    await expectNoAxeViolations(page, testInfo, "companies");
    await snap(page, testInfo, "companies-1440");

    // Add Company: the dialog, then the company's page.
    await page.getByRole("button", { name: "Add Company" }).click();
    const add = page.getByRole("dialog", { name: "Add Company" });
    await add.getByRole("textbox", { name: "Name" }).fill(name);
    await add.getByRole("textbox", { name: "Trade" }).fill("Electrical");
    await expectNoAxeViolations(page, testInfo, "add-company");
    await snap(page, testInfo, "add-company");
    await add.getByRole("button", { name: "Add Company" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const vendorId = page.url().split("/").at(-1)!;

    // Two of its people, added on a project's directory with the company chosen in the picker.
    await openProjectDirectory(page, PROJECT);
    for (const lastName of ["Volt", "Ohm"]) await addWorker(page, `${lastName} ${stamp}`, name);
    await page.goto(`${COMPANY_PATH}/vendors/${vendorId}`);
    await expect(page.getByRole("link", { name: `E2E Volt ${stamp}` })).toBeVisible();
    await expectNoAxeViolations(page, testInfo, "company-page");
    await snap(page, testInfo, "company-page");

    // Bulk Actions → Inactivate, with its two active contacts.
    await openDirectory(page, COMPANIES_PATH, page.getByRole("searchbox", { name: "Search companies" }));
    await searchCompanies(page, name);
    await page.getByRole("checkbox", { name: `Select ${name}` }).check();
    await page.getByRole("button", { name: "Bulk Actions" }).click();
    await page.getByRole("menuitem", { name: "Inactivate" }).click();
    const dialog = page.getByRole("dialog", { name: "Inactivate Companies" });
    await expect(dialog).toContainText("1 company will move to Inactive Companies");
    await expect(dialog.getByRole("button", { name: `Remove ${name}` })).toBeVisible();
    const include = dialog.getByRole("checkbox", { name: "Also inactivate their 2 active contacts" });
    await expect(include).not.toBeChecked();
    await include.check();
    await expectNoAxeViolations(page, testInfo, "inactivate-companies");
    await snap(page, testInfo, "inactivate-companies");
    await dialog.getByRole("button", { name: "Inactivate", exact: true }).click();
    await expect(toast(page, "Inactivated 1 company and 2 contacts")).toBeVisible();
    await expect(dataRows(page)).toHaveCount(0);

    // Gone from the Add Contact picker.
    await openDirectory(page, `${COMPANY_PATH}/directory/contacts`);
    const addContact = await openAddContact(page);
    expect(
      await companyOptions(page, addContact.getByRole("combobox", { name: "Company", exact: true }), name),
    ).toEqual([]);
    await addContact.getByRole("button", { name: "Cancel" }).click();

    // Its people are on Inactive Contacts, in the company directory and the project's.
    await openDirectory(page, `${COMPANY_PATH}/directory/inactive-contacts`);
    await search(page, stamp);
    await expect(dataRows(page)).toHaveCount(2);
    await expect(dataRows(page).first()).toContainText(`${name} (inactive)`);
    await openProjectDirectory(page, PROJECT);
    await openDirectory(page, page.url().replace(/\/contacts$/, "/inactive-contacts"));
    await search(page, stamp);
    await expect(dataRows(page)).toHaveCount(2);

    // Reactivate the company: its people stay inactive.
    await openDirectory(page, INACTIVE_COMPANIES_PATH, page.getByRole("searchbox", { name: "Search companies" }));
    await searchCompanies(page, name);
    await page.getByRole("checkbox", { name: `Select ${name}` }).check();
    await page.getByRole("button", { name: "Bulk Actions" }).click();
    await page.getByRole("menuitem", { name: "Reactivate" }).click();
    const back = page.getByRole("dialog", { name: "Reactivate Companies" });
    await expectNoAxeViolations(page, testInfo, "reactivate-companies");
    await back.getByRole("button", { name: "Reactivate", exact: true }).click();
    await expect(toast(page, "Reactivated 1 company")).toBeVisible();
    await openDirectory(page, `${COMPANY_PATH}/directory/inactive-contacts`);
    await search(page, stamp);
    await expect(dataRows(page)).toHaveCount(2);

    await page.setViewportSize({ width: 390, height: 844 });
    await openDirectory(page, COMPANIES_PATH, page.getByRole("searchbox", { name: "Search companies" }));
    await snap(page, testInfo, "companies-390");
  });

  test("merging two spellings of one supplier moves its contacts, and Undo puts both back", async ({
    page,
  }, testInfo) => {
    const stamp = Date.now().toString(36);
    await openDirectory(page, COMPANIES_PATH, page.getByRole("searchbox", { name: "Search companies" }));
    const keepName = `E2E Acme Supply ${stamp}`;
    const awayName = `E2E ACME Supplies ${stamp}`;
    const keep = await addCompany(page, keepName);
    const away = await addCompany(page, awayName);
    await openDirectory(page, `${COMPANY_PATH}/directory/contacts`);
    await addWorker(page, `Crate ${stamp}`, awayName);
    await openDirectory(page, COMPANIES_PATH, page.getByRole("searchbox", { name: "Search companies" }));
    await searchCompanies(page, stamp);
    await expect(dataRows(page)).toHaveCount(2);
    await page.getByRole("checkbox", { name: "Select all" }).check();
    await page.getByRole("button", { name: "Bulk Actions" }).click();
    await page.getByRole("menuitem", { name: "Merge" }).click();
    const dialog = page.getByRole("dialog", { name: "Merge Companies" });
    await dialog.getByRole("radio", { name: keepName }).first().check();
    await expectNoAxeViolations(page, testInfo, "merge-companies");
    await snap(page, testInfo, "merge-companies");
    await dialog.getByRole("button", { name: "Merge", exact: true }).click();
    await expect(toast(page, /Merged 2 companies — 1 contacts moved/)).toBeVisible();
    await expect(dataRows(page)).toHaveCount(1);
    const merged = await api<{ status: string }>(page, "GET", `/vendors/${away}`);
    expect(merged.status).toBe("merged");

    await page.getByRole("button", { name: "Undo" }).click();
    await expect(toast(page, /Undone: 2 companies and 1 contact are back as they were/)).toBeVisible();
    expect((await api<{ status: string }>(page, "GET", `/vendors/${away}`)).status).toBe("active");
    expect((await api<{ contactCount: number }>(page, "GET", `/vendors/${away}`)).contactCount).toBe(1);
    expect((await api<{ contactCount: number }>(page, "GET", `/vendors/${keep}`)).contactCount).toBe(0);
  });
});
