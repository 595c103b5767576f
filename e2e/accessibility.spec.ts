import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  CONTACTS_PATH,
  INACTIVE_PATH,
  PROJECTS_PATH,
  bulkActions,
  chosenList,
  openDirectory,
  openLifecycleDialog,
  readRows,
  rowCheckbox,
  selectContacts,
  snap,
  tab,
  waitForHydration,
} from "./support";

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
      v.nodes.map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replaceAll("\n", "\n      ")}`).join("\n"),
  );
  if (report.length > 0) console.log(`axe violations on ${label}:\n${report.join("\n")}`);
  expect(report, `axe violations on ${label}`).toEqual([]);
}

async function openFirstProject(page: Page) {
  await page.goto(PROJECTS_PATH);
  await page.getByRole("main").getByRole("heading", { level: 2 }).first().getByRole("link").click();
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
      await expect(tab(page, "Inactive Contacts")).toHaveAttribute("aria-selected", "true");
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
