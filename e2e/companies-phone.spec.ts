import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { COMPANY_PATH, PROJECTS_PATH, waitForHydration } from "./support";

// Companies on a phone: every Companies page and dialog fits a 390 px screen (no sideways
// scroll; a wide table scrolls inside its own region) and is axe-clean. Nothing is changed:
// each dialog is closed with Escape.

const PHONE = { width: 390, height: 844 };
const COMPANIES_PATH = `${COMPANY_PATH}/directory/companies`;
const PROJECT = "Riverside Elementary Addition";

test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

/** Only the control of the layout on screen: phones and desktops each have their own copy of some. */
const visible = (locator: Locator) => locator.filter({ visible: true }).first();

async function expectAxeClean(page: Page, label: string) {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe on ${label}`,
  ).toEqual([]);
}

/**
 * The document is exactly as wide as the screen. Mobile emulation lays a too-wide page out
 * at its content width, so the widths are compared with the screen's, and no element but
 * those inside a focusable scroll region may reach past it.
 */
async function expectNoSidewaysScroll(page: Page, label: string) {
  const { doc, inner, past } = await page.evaluate((width) => {
    const inRegion = (el: Element) => el.closest("[role=region][tabindex]");
    return {
      doc: document.documentElement.scrollWidth,
      inner: window.innerWidth,
      past: [...document.querySelectorAll<HTMLElement>("body *")]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && !inRegion(el))
        .filter((el) => el.offsetParent !== null || el.closest("[role=dialog]"))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 100)),
    };
  }, PHONE.width);
  expect(past, `${label}: nothing reaches past the screen's edge`).toEqual([]);
  expect(doc, `${label} is as wide as the screen`).toBe(PHONE.width);
  expect(inner, `${label}'s layout is as wide as the screen`).toBe(PHONE.width);
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

async function checkPage(page: Page, testInfo: TestInfo, name: string) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page, name);
  await expectAxeClean(page, name);
  await shot(page, testInfo, `phone-${name}`);
}

async function checkDialog(page: Page, testInfo: TestInfo, dialog: Locator, name: string) {
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  expect(box.x, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${name} ends on screen`).toBeLessThanOrEqual(PHONE.width + 1);
  await expectNoSidewaysScroll(page, `${name} dialog`);
  await expectAxeClean(page, `${name} dialog`);
  await shot(page, testInfo, `phone-dialog-${name}`);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
}

const searchCompanies = (page: Page) => visible(page.getByRole("searchbox", { name: "Search companies" }));

/** The first rows' company names on a Companies tab. */
async function companyNames(page: Page, n: number): Promise<string[]> {
  const boxes = page.getByRole("checkbox", { name: /^Select (?!all)/ }).filter({ visible: true });
  await expect(boxes.first()).toBeVisible();
  const labels = await boxes.evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? ""));
  return labels.slice(0, n).map((label) => label.replace(/^Select /, ""));
}

test("the Companies tabs, a company's page and a project's Companies tab fit a phone, axe-clean", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(COMPANIES_PATH);
  await waitForHydration(page, searchCompanies(page));
  await checkPage(page, testInfo, "companies");

  await page.goto(`${COMPANY_PATH}/directory/inactive-companies`);
  await checkPage(page, testInfo, "inactive-companies");

  await page.goto(COMPANIES_PATH);
  const [first] = await companyNames(page, 1);
  await visible(page.getByRole("link", { name: first!, exact: true })).click();
  await expect(page.getByRole("heading", { level: 1, name: first! })).toBeVisible();
  await checkPage(page, testInfo, "company-page");

  await page.goto(PROJECTS_PATH);
  await page.getByRole("main").getByRole("link", { name: PROJECT, exact: true }).click();
  await waitForHydration(page);
  await visible(page.getByRole("navigation", { name: "Directory" }).getByRole("link", { name: "Companies" })).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/directory\/companies$/);
  await checkPage(page, testInfo, "project-companies");
});

test("Add Company, Edit Company, Inactivate Companies and Merge Companies open inside a phone's screen, axe-clean", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(COMPANIES_PATH);
  await waitForHydration(page, searchCompanies(page));
  await visible(page.getByRole("button", { name: "Add Company" })).click();
  await checkDialog(page, testInfo, page.getByRole("dialog", { name: "Add Company" }), "add-company");

  const names = await companyNames(page, 2);
  for (const name of names) await visible(page.getByRole("checkbox", { name: `Select ${name}`, exact: true })).check();
  const bulk = visible(page.getByRole("button", { name: /^Bulk Actions/ }));
  await bulk.click();
  await page.getByRole("menuitem", { name: "Inactivate" }).click();
  await checkDialog(page, testInfo, page.getByRole("dialog", { name: "Inactivate Companies" }), "inactivate-companies");

  await bulk.click();
  await page.getByRole("menuitem", { name: "Merge" }).click();
  await checkDialog(page, testInfo, page.getByRole("dialog", { name: "Merge Companies" }), "merge-companies");

  await visible(page.getByRole("link", { name: names[0]!, exact: true })).click();
  await expect(page.getByRole("heading", { level: 1, name: names[0]! })).toBeVisible();
  const edit = visible(page.getByRole("button", { name: "Edit Company" }));
  await waitForHydration(page, edit);
  await edit.click();
  await checkDialog(page, testInfo, page.getByRole("dialog", { name: "Edit Company" }), "edit-company");
});
