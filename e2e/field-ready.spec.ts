import AxeBuilder from "@axe-core/playwright";
import { test as plain, type Locator, type Page, type TestInfo } from "@playwright/test";
import { signedIn } from "../playwright.config";
import { expect, test } from "./fixtures";
import {
  COMPANY_ID,
  COMPANY_PATH,
  CONTACTS_PATH,
  PROJECTS_PATH,
  bulkActions,
  dataRows,
  snap,
  toast,
  waitForHydration,
} from "./support";

// Issue 17: every page works on a phone and a tablet (Chromium's mobile emulation, the
// real phone case: it lays a page out at its content width) and by keyboard alone.

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 820, height: 1180 };
const DESKTOP = { width: 1440, height: 900 };
const PROJECT = "Harbor View Medical Center";
// The middle of the alphabet: the inactivate and reactivate specs work from its two ends.
const MIDDLE = `${CONTACTS_PATH}?page=4`;
/** How long a toast offers Undo (UNDO_WINDOW_MS in src/features/history/components/undoable-toast.tsx). */
const UNDO_WINDOW_MS = 20_000;
const COMPANIES_PATH = `${COMPANY_PATH}/directory/companies`;
const USERS_PATH = `${COMPANY_PATH}/directory/users`;

/** Fails with a readable list when axe finds anything on the page as it is now. */
async function expectAxeClean(page: Page, label: string) {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(report, `axe violations on ${label}`).toEqual([]);
}

/**
 * The document is exactly as wide as the screen: nothing scrolls sideways. Mobile
 * emulation widens the layout viewport (innerWidth) to a too-wide page, so the widths
 * are compared with the screen's configured width, and no element may reach past it.
 */
async function expectNoSidewaysScroll(page: Page, label: string) {
  const screen = page.viewportSize()!.width;
  const { doc, inner, past } = await page.evaluate(
    (width) => ({
      doc: document.documentElement.scrollWidth,
      inner: window.innerWidth,
      past: [...document.querySelectorAll<HTMLElement>("main *")]
        .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest("[role=region][tabindex]"))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80)),
    }),
    screen,
  );
  expect(past, `${label}: nothing reaches past the screen's edge`).toEqual([]);
  expect(doc, `${label} is as wide as the screen`).toBe(screen);
  expect(inner, `${label}'s layout is as wide as the screen`).toBe(screen);
}

/**
 * Every control is at least `min` px square (44 where the pointer is a finger, 24 elsewhere:
 * WCAG 2.5.5 and 2.5.8). Links in running text are exempt, as the criterion allows.
 */
async function expectTargetSizes(page: Page, label: string, min: number) {
  const small = await page.evaluate(
    (min) =>
      [...document.querySelectorAll<HTMLElement>("button, input:not([type=hidden]), select, [role=menuitem]")]
        .filter((el) => el.offsetParent !== null && !el.closest(".sr-only"))
        // A radio or checkbox inside its visible label is as large as the label (its click target), on a desktop.
        .filter((el) => min > 24 || !(el instanceof HTMLInputElement && el.closest("label")))
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < min - 0.5 || box.height < min - 0.5)
        .map(
          ({ el, box }) =>
            `${el.tagName} ${el.getAttribute("aria-label") ?? el.textContent?.slice(0, 40)}: ${Math.round(box.width)}×${Math.round(box.height)}`,
        ),
    min,
  );
  expect(small, `${label}: controls under ${min}×${min} px`).toEqual([]);
}

/** The dialog lies wholly inside the viewport. */
async function expectInsideViewport(page: Page, dialog: Locator) {
  const box = await dialog.boundingBox();
  const viewport = await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
  expect(box, "the dialog is on screen").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height + 0.5);
}

/** A control visible at this size (phone and desktop variants of a control may both exist). */
function visible(locator: Locator) {
  return locator.filter({ visible: true });
}

/** The names of the first n selectable rows on the page. */
async function firstNames(page: Page, n: number) {
  const boxes = visible(page.getByRole("checkbox", { name: /^Select (?!all$)/ }));
  const names: string[] = [];
  for (let i = 0; i < n; i++)
    names.push(((await boxes.nth(i).getAttribute("aria-label")) ?? "").replace(/^Select /, ""));
  return names;
}

/** Every page a person reaches from the header, with what shows it has loaded. */
async function pages(page: Page) {
  await page.goto(PROJECTS_PATH);
  const projectHref = await page
    .getByRole("main")
    .getByRole("link", { name: PROJECT, exact: true })
    .getAttribute("href");
  const projectBase = projectHref!.replace(/\/directory\/contacts$/, "");
  await page.goto(CONTACTS_PATH);
  // The rows stream in after the page's shell.
  await page.getByRole("main").locator('a[href*="/contacts/"]').first().waitFor();
  // A contact's own page: the first link to /companies/:id/contacts/:uuid.
  const contactHref = await page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLAnchorElement>("main a[href]")]
        .map((a) => a.getAttribute("href")!)
        .find((href) => /\/contacts\/[0-9a-f-]{36}$/.test(href)) ?? null,
  );
  return [
    { name: "contacts", path: CONTACTS_PATH },
    { name: "inactive-contacts", path: `${COMPANY_PATH}/directory/inactive-contacts` },
    { name: "users", path: `${COMPANY_PATH}/directory/users` },
    { name: "contact", path: contactHref! },
    { name: "projects", path: PROJECTS_PATH },
    { name: "project-directory", path: `${projectBase}/directory/contacts` },
    { name: "project-inactive", path: `${projectBase}/directory/inactive-contacts` },
    { name: "crews", path: `${projectBase}/crews` },
    { name: "history", path: `${COMPANY_PATH}/history` },
    { name: "api-tokens", path: `${COMPANY_PATH}/settings/api-tokens` },
    { name: "import", path: `${COMPANY_PATH}/directory/import` },
    { name: "project-import", path: `${projectBase}/directory/import` },
    { name: "companies", path: COMPANIES_PATH },
    { name: "inactive-companies", path: `${COMPANY_PATH}/directory/inactive-companies` },
    { name: "company", path: await firstVendorPath(page) },
    { name: "duplicates", path: `${COMPANY_PATH}/directory/duplicates` },
    { name: "inactive-users", path: `${COMPANY_PATH}/directory/inactive-users` },
    { name: "outbox", path: `${COMPANY_PATH}/outbox` },
    ...(await importDraftPages(page)),
  ];
}

/** A company's own page: the first company on the Companies tab. */
async function firstVendorPath(page: Page) {
  await page.goto(COMPANIES_PATH);
  const link = page.getByRole("main").locator('a[href*="/vendors/"]').first();
  await link.waitFor({ state: "attached" });
  return (await link.getAttribute("href"))!;
}

/** The import's Map columns and Review steps, of a draft uploaded for the purpose (a draft changes no contact). */
async function importDraftPages(page: Page) {
  await page.goto(`${COMPANY_PATH}/directory/import`);
  const file = page.getByLabel("Spreadsheet file");
  await waitForHydration(page, file);
  await file.setInputFiles({
    name: "crew.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "First name;Last name;E-mail;Badge #\nFieldready;Layout;not-an-email;E2E-FR1\nFieldready;Ready;fr@example.com;E2E-FR2\n",
    ),
  });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Map columns" })).toBeVisible();
  const map = page.url();
  await page.getByRole("button", { name: "Continue to Review" }).click();
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  return [
    { name: "import-map", path: map },
    { name: "import-review", path: page.url() },
  ];
}

/** A screenshot of what the screen shows (a full page of 50 rows on a phone is too slow to render here). */
async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

async function checkPages(page: Page, testInfo: TestInfo, size: string) {
  // Twenty-one pages, each measured and scanned by axe.
  test.setTimeout(540_000);
  for (const { name, path } of await pages(page)) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, `${name} at ${size}`);
    await expectAxeClean(page, `${name} at ${size}`);
    await expectTargetSizes(page, `${name} at ${size}`, size === "desktop" ? 24 : 44);
    await shot(page, testInfo, `${size}-${name}`);
  }
}

async function checkDialogs(page: Page, testInfo: TestInfo, size: string) {
  test.setTimeout(300_000);
  const check = async (dialog: Locator, name: string) => {
    await expect(dialog).toBeVisible();
    await expectInsideViewport(page, dialog);
    await expectAxeClean(page, `${name} dialog at ${size}`);
    await expectTargetSizes(page, `${name} dialog at ${size}`, size === "desktop" ? 24 : 44);
    await shot(page, testInfo, `${size}-dialog-${name}`);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  };
  await page.goto(MIDDLE);
  await waitForHydration(page);
  await visible(page.getByRole("button", { name: "Add Contact", exact: true })).click();
  await check(page.getByRole("dialog", { name: "Add Contact" }), "add-contact");

  const names = await firstNames(page, 2);
  for (const name of names) await visible(page.getByRole("checkbox", { name: `Select ${name}`, exact: true })).check();
  await visible(bulkActions(page)).click();
  await page.getByRole("menuitem", { name: "Inactivate" }).click();
  await check(page.getByRole("dialog", { name: "Inactivate Contacts" }), "inactivate");

  await page.goto(PROJECTS_PATH);
  await page.getByRole("main").getByRole("link", { name: PROJECT, exact: true }).click();
  await waitForHydration(page);
  await visible(page.getByRole("button", { name: "Add from Directory" })).click();
  await check(page.getByRole("dialog", { name: /Add from Directory|Add Contacts/ }), "add-from-directory");

  await checkCompanyDialogs(page, check);

  await page.goto(USERS_PATH);
  await waitForHydration(page, page.getByRole("searchbox", { name: "Search users" }));
  await visible(page.getByRole("checkbox", { name: "Select Sam Standard", exact: true })).check();
  await visible(bulkActions(page)).click();
  await page.getByRole("menuitem", { name: "Inactivate" }).click();
  await check(page.getByRole("dialog", { name: "Inactivate Users" }), "inactivate-users");

  await page.goto(`${COMPANY_PATH}/directory/duplicates`);
  if ((await page.getByRole("button", { name: "Merge…" }).count()) === 0) await addTwins(page);
  await waitForHydration(page, page.getByRole("button", { name: "Merge…" }).first());
  await page.getByRole("button", { name: "Merge…" }).first().click();
  await check(page.getByRole("dialog", { name: "Merge Contacts" }), "merge-contacts");
}

/** Two people who read as duplicates (same name and phone), for the Merge Contacts dialog; created once per run. */
async function addTwins(page: Page) {
  const stamp = Date.now().toString(36);
  for (const n of [1, 2]) {
    await api(page, "POST", "/contacts", {
      firstName: "Fieldready",
      lastName: "Twin",
      phone: "+1 555 0100 417",
      employeeId: `E2E-TWIN${n}-${stamp}`,
    });
  }
  await page.goto(`${COMPANY_PATH}/directory/duplicates`);
}

type Check = (dialog: Locator, name: string) => Promise<void>;

/** An API token of the admin's, made once on Settings → API tokens (the API takes session-cookie changes only from the app's own pages). */
let adminToken: string | undefined;
async function tokenFor(page: Page) {
  if (adminToken) return adminToken;
  await page.goto(`${COMPANY_PATH}/settings/api-tokens`);
  const name = page.getByLabel("Token name");
  await waitForHydration(page, name);
  await name.fill(`E2E field-ready ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create Token" }).click();
  adminToken = (await page.getByRole("status").locator("code").first().textContent())!.trim();
  return adminToken;
}

/** The JSON API as the admin. */
async function api(page: Page, method: string, path: string, body?: unknown) {
  const token = await tokenFor(page);
  const response = await page.request.fetch(`/api/v1/companies/${COMPANY_ID}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
    data: body,
  });
  const text = await response.text();
  expect(response.status(), text).toBeLessThan(300);
  return JSON.parse(text) as unknown;
}

/**
 * Add Company, Edit Company and the companies' Inactivate, Merge and Reactivate dialogs. A
 * company of the test's own goes to Inactive Companies and back, so the demo data stays as it was.
 */
async function checkCompanyDialogs(page: Page, check: Check) {
  const searchCompanies = page.getByRole("searchbox", { name: "Search companies" });
  await page.goto(COMPANIES_PATH);
  await waitForHydration(page, searchCompanies);
  await visible(page.getByRole("button", { name: "Add Company", exact: true })).click();
  await check(page.getByRole("dialog", { name: "Add Company" }), "add-company");

  await page.goto(await firstVendorPath(page));
  await waitForHydration(page, page.getByRole("button", { name: "Edit Company" }));
  await page.getByRole("button", { name: "Edit Company" }).click();
  await check(page.getByRole("dialog", { name: "Edit Company" }), "edit-company");

  await page.goto(COMPANIES_PATH);
  await waitForHydration(page, searchCompanies);
  const names = await firstNames(page, 2);
  for (const name of names) await visible(page.getByRole("checkbox", { name: `Select ${name}`, exact: true })).check();
  await visible(bulkActions(page)).click();
  await page.getByRole("menuitem", { name: "Merge" }).click();
  await check(page.getByRole("dialog", { name: "Merge Companies" }), "merge-companies");
  await visible(bulkActions(page)).click();
  await page.getByRole("menuitem", { name: "Inactivate" }).click();
  await check(page.getByRole("dialog", { name: "Inactivate Companies" }), "inactivate-companies");

  // Reactivate Companies needs an inactive company: one of the test's own, inactivated and then reactivated.
  const name = `E2E Field Ready ${Date.now().toString(36)}`;
  const { id } = (await api(page, "POST", "/vendors", { name })) as { id: string };
  await api(page, "POST", "/vendors/bulk_inactivate", { vendorIds: [id] });
  await page.goto(`${COMPANY_PATH}/directory/inactive-companies?q=${encodeURIComponent(name)}`);
  await waitForHydration(page, searchCompanies);
  await visible(page.getByRole("checkbox", { name: `Select ${name}`, exact: true })).check();
  await visible(bulkActions(page)).click();
  await page.getByRole("menuitem", { name: "Reactivate" }).click();
  const reactivate = page.getByRole("dialog", { name: "Reactivate Companies" });
  await expect(reactivate).toBeVisible();
  await expectInsideViewport(page, reactivate);
  await expectAxeClean(page, "reactivate-companies dialog");
  await reactivate.getByRole("button", { name: "Reactivate", exact: true }).click();
  await expect(reactivate).toBeHidden();
}

for (const [size, viewport] of [
  ["phone", PHONE],
  ["tablet", TABLET],
] as const) {
  test.describe(`on a ${size} (${viewport.width}×${viewport.height}, touch)`, () => {
    test.use({ viewport, isMobile: true, hasTouch: true });

    test("no page scrolls sideways and axe finds nothing on any of them", async ({ page }, testInfo) => {
      await checkPages(page, testInfo, size);
    });

    test("every dialog opens inside the screen, axe-clean", async ({ page }, testInfo) => {
      await checkDialogs(page, testInfo, size);
    });

    test("the header folds into a Menu button that opens the navigation", async ({ page }, testInfo) => {
      await page.goto(CONTACTS_PATH);
      const main = page.getByRole("navigation", { name: "Main" });
      await expect(main).toBeHidden();
      const menu = page.getByRole("button", { name: "Menu" });
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await menu.tap();
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await expect(main.getByRole("link", { name: "Projects" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
      await snap(page, testInfo, `${size}-menu-open`);
      await main.getByRole("link", { name: "Projects" }).tap();
      await expect(page).toHaveURL(/\/projects$/);
      await expect(menu).toHaveAttribute("aria-expanded", "false");
    });

    test("touch targets are at least 44×44 px", async ({ page }) => {
      await page.goto(MIDDLE);
      await waitForHydration(page);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>("button, input, select, [role=menuitem]")]
          .filter((el) => el.offsetParent !== null && !el.closest(".sr-only"))
          .map((el) => ({ el, box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 43.5 || box.height < 43.5)
          .map(
            ({ el, box }) =>
              `${el.tagName} ${el.getAttribute("aria-label") ?? el.textContent}: ${box.width}×${box.height}`,
          ),
      );
      expect(small).toEqual([]);
    });

    test("the seed flow by touch: tick, Bulk Actions, Inactivate, drop one, confirm, then Undo", async ({
      page,
    }, testInfo) => {
      await page.goto(MIDDLE);
      await waitForHydration(page);
      const [first, dropped, third] = await firstNames(page, 3);
      for (const name of [first!, dropped!, third!])
        await visible(page.getByRole("checkbox", { name: `Select ${name}`, exact: true })).tap();
      await expect(visible(bulkActions(page))).toHaveAccessibleName("Bulk Actions, 3 selected");
      await visible(bulkActions(page)).tap();
      await page.getByRole("menuitem", { name: "Inactivate" }).tap();
      const dialog = page.getByRole("dialog", { name: "Inactivate Contacts" });
      await expect(dialog).toBeVisible();
      await expectInsideViewport(page, dialog);
      await dialog.getByRole("button", { name: `Remove ${dropped}`, exact: true }).tap();
      await expect(dialog.getByRole("status")).toHaveText(`${dropped} removed from the list. 2 left.`);
      await snap(page, testInfo, `${size}-touch-dialog`);
      await dialog.getByRole("button", { name: "Inactivate", exact: true }).tap();
      await expect(dialog).toBeHidden();
      await expect(toast(page, /^Inactivated 2 contacts/)).toBeVisible();
      await snap(page, testInfo, `${size}-touch-toast`);
      await page
        .getByRole("region", { name: /Notifications/ })
        .getByRole("button", { name: "Undo" })
        .tap();
      await expect(toast(page, "Undone: 2 contacts are back as they were")).toBeVisible();
      await page.reload();
      for (const name of [first!, third!])
        await expect(visible(page.getByRole("checkbox", { name: `Select ${name}`, exact: true }))).toBeVisible();
    });
  });
}

test.describe("on a phone, the directory's cards", () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  test("each contact is a card with its name, status, company, a 44 px checkbox and its actions", async ({
    page,
  }, testInfo) => {
    await page.goto(MIDDLE);
    await waitForHydration(page);
    // One markup for both: on a phone the table's rows are laid out as cards.
    const cards = dataRows(page);
    await expect(cards).toHaveCount(50);
    await expect(page.getByRole("columnheader", { name: "Email" })).toBeHidden();
    const [name] = await firstNames(page, 1);
    const card = cards.filter({ hasText: name! });
    await expect(card.getByRole("link", { name: name!, exact: true })).toBeVisible();
    // The status pill is the same on every card of a tab, so CSS draws it after the name
    // (the table's --dt-badge): generated content, which screen readers read with the name.
    const pill = await card.locator("td.dt-t").evaluate((td) => {
      const after = getComputedStyle(td, "::after");
      return { content: after.content, display: after.display };
    });
    expect(pill).toEqual({ content: '"Active"', display: "inline" });
    const box = await card.getByRole("checkbox", { name: `Select ${name}`, exact: true }).boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await expect(card.getByRole("button", { name: `Actions for ${name}` })).toBeVisible();
    const cardBox = (await card.boundingBox())!;
    expect(cardBox.x, "the card starts on the screen").toBeGreaterThanOrEqual(0);
    expect(cardBox.x + cardBox.width, "the card ends on the screen").toBeLessThanOrEqual(PHONE.width);
    // Scrolled to the last card, Bulk Actions and Add Contact are still on screen.
    await cards.last().scrollIntoViewIfNeeded();
    await expect(visible(bulkActions(page))).toBeInViewport();
    await expect(visible(page.getByRole("button", { name: "Add Contact", exact: true }))).toBeInViewport();
    await snap(page, testInfo, "phone-cards");
  });

  test.describe("a project manager", () => {
    test.use({ storageState: signedIn("pm") });

    test("finds a worker, sees their projects and removes them from the project, then undoes it", async ({
      page,
    }, testInfo) => {
      await page.goto(PROJECTS_PATH);
      await page.getByRole("main").getByRole("link", { name: PROJECT, exact: true }).tap();
      await waitForHydration(page);
      const [name] = await firstNames(page, 1);
      await page.getByRole("searchbox", { name: "Search contacts" }).fill(name!);
      const card = dataRows(page).filter({ hasText: name! });
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(PROJECT.split(" ")[0]!);
      await expectNoSidewaysScroll(page, "the project directory, searched");
      await card.getByRole("button", { name: `Actions for ${name}` }).tap();
      await page.getByRole("menuitem", { name: "Remove from Project" }).tap();
      const dialog = page.getByRole("dialog", { name: "Remove from Project" });
      await expectInsideViewport(page, dialog);
      await snap(page, testInfo, "phone-pm-remove");
      await dialog.getByRole("button", { name: "Remove", exact: true }).tap();
      await expect(toast(page, "Removed 1 contact from the project")).toBeVisible();
      await page
        .getByRole("region", { name: /Notifications/ })
        .getByRole("button", { name: "Undo" })
        .tap();
      await expect(toast(page, "Undone: 1 contact is back as they were")).toBeVisible();
    });
  });
});

test.describe("at 1440 px", () => {
  test.use({ viewport: DESKTOP });

  test("no page scrolls sideways and axe finds nothing on any of them", async ({ page }, testInfo) => {
    await checkPages(page, testInfo, "desktop");
  });

  test("every dialog opens inside the screen, axe-clean", async ({ page }, testInfo) => {
    await checkDialogs(page, testInfo, "desktop");
  });
});

// The pages a person sees before signing in: a link from an email opens them on a phone as often as not.
const SIGNED_OUT_PAGES = [
  { name: "sign-in", path: "/sign-in" },
  { name: "forgot-password", path: "/forgot-password" },
  // The form as a link from the email opens it (the token is checked on submit).
  { name: "reset-password", path: "/reset-password?token=field-ready-check" },
  { name: "reset-password-incomplete", path: "/reset-password" },
  // An invitation link that is not (or no longer) valid; the valid one's form is the reset form's (AccountForm).
  { name: "accept-invitation", path: `/accept-invitation?company=${COMPANY_ID}&token=field-ready-check` },
];

for (const [size, viewport, mobile] of [
  ["phone", PHONE, true],
  ["tablet", TABLET, true],
  ["desktop", DESKTOP, false],
] as const) {
  test.describe(`signed out, on a ${size}`, () => {
    test.use({ viewport, isMobile: mobile, hasTouch: mobile, storageState: { cookies: [], origins: [] } });

    test("the account pages do not scroll sideways and axe finds nothing", async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      for (const { name, path } of SIGNED_OUT_PAGES) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoSidewaysScroll(page, `${name} at ${size}`);
        await expectAxeClean(page, `${name} at ${size}`);
        await expectTargetSizes(page, `${name} at ${size}`, mobile ? 44 : 24);
        await shot(page, testInfo, `${size}-${name}`);
      }
    });
  });
}

/** Presses Tab (or Shift+Tab) until the target has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return i;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
  return max;
}

test.describe("by keyboard alone", () => {
  test("Skip to content is the first Tab stop, and Inactive Contacts is in the Tab order", async ({ page }) => {
    await page.goto(CONTACTS_PATH);
    await waitForHydration(page);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    const inactive = page
      .getByRole("navigation", { name: "Directory" })
      .getByRole("link", { name: "Inactive Contacts" });
    expect(await tabTo(page, inactive, { max: 5 })).toBeLessThanOrEqual(3);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/inactive-contacts$/);
  });

  test("the seed flow and its Undo, with focus where it should be after each step", async ({ page }, testInfo) => {
    await page.goto(MIDDLE);
    await waitForHydration(page);
    const [first, dropped, third] = await firstNames(page, 3);
    for (const name of [first!, dropped!, third!]) {
      const box = page.getByRole("checkbox", { name: `Select ${name}`, exact: true });
      await tabTo(page, box);
      await page.keyboard.press("Space");
      await expect(box).toBeChecked();
    }
    const bulk = bulkActions(page);
    await expect(bulk).toHaveAccessibleName("Bulk Actions, 3 selected");
    await expect(page.getByRole("status").filter({ hasText: "3 selected" })).toBeAttached();
    await tabTo(page, bulk, { back: true });
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem", { name: "Inactivate" })).toBeFocused();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Inactivate Contacts" });
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();

    const dropX = dialog.getByRole("button", { name: `Remove ${dropped}`, exact: true });
    await tabTo(page, dropX, { back: true, max: 10 });
    await page.keyboard.press("Enter");
    // Focus moves to the next person's X, and the removal is said politely.
    await expect(dialog.getByRole("button", { name: `Remove ${third}`, exact: true })).toBeFocused();
    await expect(dialog.getByRole("status")).toHaveText(`${dropped} removed from the list. 2 left.`);
    await snap(page, testInfo, "keyboard-dropped-one");

    await tabTo(page, dialog.getByRole("button", { name: "Inactivate", exact: true }), { max: 10 });
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(bulk).toBeFocused();
    await expect(toast(page, /^Inactivated 2 contacts/)).toBeVisible();
    await expect(toast(page, /Press Alt\+T to reach Undo\./)).toBeVisible();

    // The key the toast names takes focus to it; there it waits, past its 20 seconds if need be.
    await page.keyboard.press("Alt+KeyT");
    const undo = page.getByRole("region", { name: /Notifications/ }).getByRole("button", { name: "Undo" });
    await tabTo(page, undo, { max: 5 });
    await snap(page, testInfo, "keyboard-undo-focused");
    await page.keyboard.press("Enter");
    await expect(toast(page, "Undone: 2 contacts are back as they were")).toBeVisible();
    // Focus goes back to where the user came from, not to the page body.
    await expect(bulk).toBeFocused();
  });

  test("a toast reached by a plain Tab waits past its 20 seconds, and Undo still works", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(MIDDLE);
    await waitForHydration(page);
    const names = await firstNames(page, 1);
    await page.getByRole("checkbox", { name: `Select ${names[0]}`, exact: true }).check();
    await bulkActions(page).click();
    await page.getByRole("menuitem", { name: "Inactivate" }).click();
    const dialog = page.getByRole("dialog", { name: "Inactivate Contacts" });
    await dialog.getByRole("button", { name: "Inactivate", exact: true }).click();
    await expect(toast(page, /^Inactivated 1 contact/)).toBeVisible();
    // The toasts come last in the document: a plain Tab from the page's last control reaches them, no shortcut.
    await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("a[href], button, input, select")]
        .filter((el) => el.offsetParent !== null && !el.closest("[data-sonner-toaster]"))
        .at(-1)
        ?.focus(),
    );
    const undo = page.getByRole("region", { name: /Notifications/ }).getByRole("button", { name: "Undo" });
    await tabTo(page, undo, { max: 5 });
    await page.waitForTimeout(UNDO_WINDOW_MS + 2_000);
    await expect(undo).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(toast(page, "Undone: 1 contact is back as they were")).toBeVisible();
  });

  test("a hovered toast waits past its 20 seconds", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(MIDDLE);
    await waitForHydration(page);
    const names = await firstNames(page, 1);
    await page.getByRole("checkbox", { name: `Select ${names[0]}`, exact: true }).check();
    await bulkActions(page).click();
    await page.getByRole("menuitem", { name: "Inactivate" }).click();
    await page
      .getByRole("dialog", { name: "Inactivate Contacts" })
      .getByRole("button", { name: "Inactivate", exact: true })
      .click();
    const done = toast(page, /^Inactivated 1 contact/);
    await done.hover();
    await page.waitForTimeout(UNDO_WINDOW_MS + 2_000);
    await expect(done).toBeVisible();
    await page
      .getByRole("region", { name: /Notifications/ })
      .getByRole("button", { name: "Undo" })
      .click();
    await expect(toast(page, "Undone: 1 contact is back as they were")).toBeVisible();
  });

  test("after the last X, focus moves to the list of chosen contacts", async ({ page }) => {
    await page.goto(MIDDLE);
    await waitForHydration(page);
    const names = await firstNames(page, 2);
    for (const name of names) await page.getByRole("checkbox", { name: `Select ${name}`, exact: true }).check();
    await bulkActions(page).click();
    await page.getByRole("menuitem", { name: "Inactivate" }).click();
    const dialog = page.getByRole("dialog", { name: "Inactivate Contacts" });
    await dialog.getByRole("button", { name: `Remove ${names[1]}`, exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(dialog.getByRole("list", { name: "Chosen contacts" })).toBeFocused();
    await page.keyboard.press("Escape");
  });

  test("a failed submit puts focus on the first invalid field", async ({ page }) => {
    await page.goto(CONTACTS_PATH);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Add Contact", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Add Contact" });
    await dialog
      .getByRole("button", { name: /^(Add|Save|Create)/ })
      .last()
      .click();
    await expect(dialog.getByRole("textbox", { name: "First name" })).toBeFocused();
    await page.keyboard.press("Escape");
  });
});

// The refusals answer with the status a browser, a crawler and a script can trust; these
// tests expect 403 and 404 responses, so they use Playwright's plain `test`.
plain.describe("honest refusals", () => {
  plain.describe("a read-only user", () => {
    plain.use({ storageState: signedIn("readonly"), viewport: PHONE });

    plain("gets 403 inside the app's header for Change History and Inactive Contacts", async ({ page }, testInfo) => {
      expect((await page.goto(`${COMPANY_PATH}/history`))?.status()).toBe(403);
      await expect(page.getByText("You don't have access to Change History. Ask a company Admin.")).toBeVisible();
      await expect(page.getByRole("banner").getByRole("link", { name: "Rollcall" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
      await snap(page, testInfo, "phone-403-history");
      expect((await page.goto(`${COMPANY_PATH}/directory/inactive-contacts`))?.status()).toBe(403);
      await expect(page.getByText("You don't have access to Inactive Contacts. Ask a company Admin.")).toBeVisible();
      // Every page only admins may open refuses the same way: 403 with its name, never 200 with a refusal inside.
      for (const [path, name] of [
        ["/directory/inactive-companies", "Inactive Companies"],
        ["/directory/inactive-users", "Inactive Users"],
        ["/directory/duplicates", "Duplicates"],
        ["/directory/import", "the contact import"],
        ["/outbox", "the Outbox"],
      ]) {
        expect((await page.goto(`${COMPANY_PATH}${path}`))?.status(), path).toBe(403);
        await expect(page.getByText(`You don't have access to ${name}. Ask a company Admin.`), path).toBeVisible();
        await expect(page.getByRole("button", { name: "Menu" }), path).toBeVisible();
      }
    });
  });

  plain(
    "a filter by a project the user may not see answers 403 inside the header, not 200",
    async ({ page, browser }, testInfo) => {
      // Riley (Read Only on the company) is set to None on one project for the test, and back after it.
      const { data } = (await api(page, "GET", "/users?q=Riley")) as { data: { id: string; name: string }[] };
      const riley = data.find((u) => u.name === "Riley Readonly")!;
      await page.goto(PROJECTS_PATH);
      const projectHref = await page
        .getByRole("main")
        .getByRole("link", { name: PROJECT, exact: true })
        .getAttribute("href");
      const projectId = /projects\/([0-9a-f-]{36})/.exec(projectHref!)![1]!;
      const setLevel = async (level: string | null) => {
        await api(page, "PATCH", `/users/${riley.id}`, { projectLevels: [{ projectId, level }] });
      };
      await setLevel("none");
      const context = await browser.newContext({ storageState: signedIn("readonly"), viewport: PHONE });
      try {
        const readonly = await context.newPage();
        expect((await readonly.goto(`${CONTACTS_PATH}?project=${projectId}`))?.status()).toBe(403);
        await expect(readonly.getByRole("heading", { level: 1 })).toBeVisible();
        await expect(readonly.getByRole("banner").getByRole("link", { name: "Rollcall" })).toBeVisible();
        await snap(readonly, testInfo, "phone-403-project-filter");
        // The same filter on an upper-case id is the same refusal, and an unfiltered directory still opens.
        expect((await readonly.goto(`${CONTACTS_PATH}?project=${projectId.toUpperCase()}`))?.status()).toBe(403);
        expect((await readonly.goto(CONTACTS_PATH))?.status()).toBe(200);
        // The project itself is hidden from a member at None on it: 404, as an unknown project.
        expect((await readonly.goto(`${COMPANY_PATH}/projects/${projectId}/directory/contacts`))?.status()).toBe(404);
      } finally {
        await context.close();
        await setLevel(null);
      }
    },
  );

  plain("unknown tabs and ids answer 404 with a page titled so, inside the header", async ({ page }, testInfo) => {
    await page.goto(PROJECTS_PATH);
    const projectHref = await page
      .getByRole("main")
      .getByRole("link", { name: PROJECT, exact: true })
      .getAttribute("href");
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const path of [
      `${COMPANY_PATH}/directory/nonsense`,
      projectHref!.replace(/contacts$/, "nonsense"),
      `${COMPANY_PATH}/contacts/${unknown}`,
      `${COMPANY_PATH}/contacts/not-an-id`,
      `${COMPANY_PATH}/projects/${unknown}/directory/contacts`,
      `/companies/${unknown}/directory/contacts`,
      "/no/such/page",
    ]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" }), path).toBeVisible();
      await expect(page, path).toHaveTitle(/^Page not found/);
    }
    await page.goto(`${COMPANY_PATH}/directory/nonsense`);
    await expect(page.getByRole("banner").getByRole("link", { name: "Rollcall" })).toBeVisible();
    await snap(page, testInfo, "404-tab");
  });
});
