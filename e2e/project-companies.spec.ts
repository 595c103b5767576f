import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { signedIn } from "../playwright.config";
import { expect, test } from "./fixtures";
import { COMPANY_ID, COMPANY_PATH, openProjectDirectory, parseCsv, snap, waitForHydration } from "./support";

// A project directory's Companies tab, and the Change History's filter by kind of record.
// The only change made (a company's notes) is put back, so the demo data stays as other specs expect.

const PROJECT = "Riverside Elementary Addition";
const HISTORY_PATH = `${COMPANY_PATH}/history`;

const visible = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Directory" }).getByRole("link", { name, exact: true });

async function expectAxeClean(page: Page, label: string) {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    label,
  ).toEqual([]);
}

/** The JSON API as the signed-in user, from the page (same origin, the session cookie). */
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

type ProjectVendorPage = { data: { id: string; name: string; memberCount: number }[]; total: number };

async function openProjectCompanies(page: Page) {
  await openProjectDirectory(page, PROJECT);
  const projectPath = new URL(page.url()).pathname.replace(/\/directory\/contacts$/, "");
  await visible(page, "Companies").click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/directory\/companies$/);
  await waitForHydration(page, page.getByRole("searchbox", { name: "Search companies" }));
  return projectPath.split("/").at(-1)!;
}

test("a project's Companies tab lists the companies its people work for, with how many, sorted and searched in the URL", async ({
  page,
}, testInfo) => {
  const projectId = await openProjectCompanies(page);
  await expect(visible(page, "Companies")).toHaveAttribute("aria-current", "page");
  const listed = await api<ProjectVendorPage>(
    page,
    "GET",
    `/projects/${projectId}/vendors?perPage=100&sort=members.desc`,
  );
  expect(listed.total).toBeGreaterThan(0);
  // The tab's count is the API's total, and no company has more people on the project than its Contacts tab.
  await expect(page.locator("#tab-companies-count")).toHaveText(
    `${listed.total.toLocaleString("en-US")} ${listed.total === 1 ? "company" : "companies"}`,
  );
  const contactsCount = Number((await page.locator("#tab-contacts-count").textContent())!.replace(/\D/g, ""));
  expect(listed.data.reduce((sum, v) => sum + v.memberCount, 0)).toBeLessThanOrEqual(contactsCount);

  const table = page.getByRole("table", { name: /Companies on this project/ });
  // A count sorts most first.
  await table.getByRole("button", { name: "People on project" }).click();
  await expect(page).toHaveURL(/sort=members\.desc/);
  const top = listed.data[0]!;
  await expect(table.getByRole("row").nth(1)).toContainText(top.memberCount.toLocaleString("en-US"));
  await snap(page, testInfo, "project-companies-1440");
  await expectAxeClean(page, "project Companies tab");

  await page.getByRole("searchbox", { name: "Search companies" }).fill(top.name);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(top.name.split(" ")[0]!)}`));
  await expect(table.getByRole("link", { name: top.name, exact: true })).toBeVisible();
  await table.getByRole("link", { name: top.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/vendors/${top.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: top.name })).toBeVisible();

  await page.goBack();
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, testInfo, "project-companies-390");
});

test.describe("as the project manager of Harbor View Medical Center", () => {
  test.use({ storageState: signedIn("pm") });

  test("they see their project's Companies tab", async ({ page }) => {
    await openProjectDirectory(page, "Harbor View Medical Center");
    await visible(page, "Companies").click();
    await expect(page.getByRole("table", { name: /Companies on this project/ })).toBeVisible();
  });
});

test("Change History filters by Companies, Users or Contacts and their actions; the export follows", async ({
  page,
}, testInfo) => {
  await page.goto(HISTORY_PATH);
  // A company's notes changed and put back through Edit Company: two company changes in the history, nothing left changed.
  const vendors = await api<{ data: { id: string; name: string; notes: string | null }[] }>(
    page,
    "GET",
    "/vendors?perPage=25",
  );
  const vendor = vendors.data[0]!;
  await page.goto(`${COMPANY_PATH}/vendors/${vendor.id}`);
  for (const notes of ["E2E history note", vendor.notes ?? ""]) {
    const edit = page.getByRole("button", { name: "Edit Company" });
    await waitForHydration(page, edit);
    await edit.click();
    const dialog = page.getByRole("dialog", { name: "Edit Company" });
    await dialog.getByRole("textbox", { name: "Notes" }).fill(notes);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
  }

  await page.goto(HISTORY_PATH);
  const form = page.getByRole("search", { name: "Filter the history" });
  await form.getByRole("combobox", { name: "Record" }).selectOption({ label: "Companies" });
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/record=companies/);
  const table = page.getByRole("region", { name: "Change History table" });
  const rows = table.getByRole("row");
  await expect(rows.nth(1)).toContainText("Company edited");
  await expect(rows.nth(1).getByRole("link", { name: vendor.name })).toBeVisible();
  await snap(page, testInfo, "history-companies-1440");
  await expectAxeClean(page, "Change History filtered by Companies");

  await form.getByRole("combobox", { name: "Action" }).selectOption({ label: "Company edited" });
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=vendor\.updated/);
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toContain("record=companies");
  const csv = parseCsv((await (await page.request.get(href!)).text()).replace(/^\uFEFF/, ""));
  expect(csv[0]).toEqual([
    "When (UTC)",
    "Record",
    "Name",
    "Action",
    "Change",
    "By",
    "By (email)",
    "By (user ID)",
    "Reason",
    "Batch",
    "Record ID",
  ]);
  const data = csv.slice(1).filter((r) => r.length > 1);
  expect(data.length).toBeGreaterThanOrEqual(2);
  for (const row of data) expect(row.slice(1, 4)).toEqual(["Companies", expect.any(String), "Company edited"]);
  expect(data[0]![4]).toContain("Notes");

  await form.getByRole("combobox", { name: "Record" }).selectOption({ label: "Contacts" });
  await form.getByRole("combobox", { name: "Action" }).selectOption({ label: "All actions" });
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/record=contacts/);
  await expect(page.getByText(/^\d[\d,]* changes? match the filters$/)).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, testInfo, "history-contacts-390");
});
