import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import {
  CONTACTS_PATH,
  INACTIVE_PATH,
  SEEDED_CONTACTS,
  bulkActions,
  chosenList,
  contactsCreatedByTests,
  dataRows,
  distinctProjects,
  expectSameDocument,
  expectTabCounts,
  markDocument,
  openDirectory,
  openLifecycleDialog,
  plural,
  readRow,
  readRows,
  rowCheckbox,
  rowFor,
  search,
  selectContacts,
  snap,
  tab,
  tabCounts,
  toast,
  waitForHydration,
} from "./support";

// This file works from the end of the alphabet (name Z→A) and the reactivate spec from
// its start, so the two never pick the same people. Only the first test changes data.
const BY_NAME_DESC = `${CONTACTS_PATH}?sort=name.desc`;

test.describe("Inactivate Contacts", () => {
  test("inactivating contacts moves them to Inactive Contacts and off their project directories", async ({
    page,
  }, testInfo) => {
    await openDirectory(page, BY_NAME_DESC);
    await expect(tab(page, "Contacts")).toHaveAttribute("aria-current", "page");
    await markDocument(page);

    const before = await tabCounts(page);
    // Every contact is on exactly one tab: the seed's, and those other specs created in this run.
    expect(before.active + before.inactive).toBe(SEEDED_CONTACTS + (await contactsCreatedByTests(page)));

    const [first, dropped, third] = await readRows(page, 3);
    const kept = [first!, third!];
    for (const contact of [...kept, dropped!])
      expect(contact.projects.length, `${contact.name} is on a project`).toBeGreaterThan(0);

    await selectContacts(page, [first!.name, dropped!.name, third!.name]);
    await snap(page, testInfo, "contacts-three-selected");

    const dialog = await openLifecycleDialog(page, "Inactivate");
    await expect(chosenList(dialog)).toHaveCount(3);
    await dialog.getByRole("button", { name: `Remove ${dropped!.name}`, exact: true }).click();
    await expect(chosenList(dialog)).toHaveCount(2);
    await expect(chosenList(dialog).filter({ hasText: dropped!.name })).toHaveCount(0);
    const projects = distinctProjects(kept);
    await expect(dialog.getByText(/will move to Inactive Contacts/)).toHaveText(
      `2 contacts will move to Inactive Contacts and leave ${plural(projects, "project directory", "project directories")}. They will no longer appear in project tools.`,
    );
    await snap(page, testInfo, "inactivate-dialog-two");

    await dialog.getByRole("button", { name: "Inactivate", exact: true }).click();

    await expect(dialog).toBeHidden();
    await expect(
      toast(page, `Inactivated 2 contacts — off ${plural(projects, "project directory", "project directories")}`),
    ).toBeVisible();
    await expect(bulkActions(page)).toBeFocused();
    await expect(bulkActions(page)).toHaveAttribute("aria-disabled", "true");
    for (const contact of kept) await expect(rowFor(page, contact.name)).toHaveCount(0);
    await expect(rowFor(page, dropped!.name)).toHaveCount(1);
    await expect(page.getByRole("checkbox", { checked: true })).toHaveCount(0);
    await expectTabCounts(page, { active: before.active - 2, inactive: before.inactive + 2 });
    await snap(page, testInfo, "contacts-after-inactivate");
    await expectSameDocument(page);

    await tab(page, "Inactive Contacts").click();
    await expect(page).toHaveURL(INACTIVE_PATH);
    await expect(tab(page, "Inactive Contacts")).toHaveAttribute("aria-current", "page");
    await waitForHydration(page);
    await expectTabCounts(page, { active: before.active - 2, inactive: before.inactive + 2 });
    for (const contact of kept) {
      await search(page, contact.name);
      await expect(rowFor(page, contact.name)).toHaveCount(1);
      // The Projects column of an inactive contact lists the directories reactivation restores.
      const row = await readRow(page, rowFor(page, contact.name));
      expect(row.projects.toSorted()).toEqual(contact.projects.toSorted());
    }
    await search(page, dropped!.name);
    await expect(dataRows(page)).toHaveCount(0);
    await snap(page, testInfo, "inactive-search-dropped");
    await expectSameDocument(page);

    // A project directory the first contact was on: the contact moved to its Inactive Contacts tab.
    const project = first!.projects[0]!;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }).click();
    await page.getByRole("link", { name: project, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(project);
    await waitForHydration(page);
    await search(page, first!.name);
    await expect(dataRows(page)).toHaveCount(0);
    await tab(page, "Inactive Contacts").click();
    await expect(tab(page, "Inactive Contacts")).toHaveAttribute("aria-current", "page");
    await waitForHydration(page);
    await search(page, first!.name);
    await expect(rowFor(page, first!.name)).toHaveCount(1);
    await snap(page, testInfo, "project-inactive-tab");
    await expectSameDocument(page);
  });

  test("Bulk Actions stays disabled until a contact is selected", async ({ page }, testInfo) => {
    await openDirectory(page, CONTACTS_PATH);
    const button = bulkActions(page);
    await expect(button).toHaveAttribute("aria-disabled", "true");
    await expect(button).toHaveAccessibleDescription("Select contacts to act on them");

    // Neither a click nor the keyboard opens its menu.
    await button.click({ force: true });
    await expect(page.getByRole("menu")).toHaveCount(0);
    await button.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("menu")).toHaveCount(0);
    await snap(page, testInfo, "bulk-actions-disabled");

    // Selecting a row enables it; clearing the selection disables it again.
    const [contact] = await readRows(page, 1);
    await rowCheckbox(page, contact!.name).check();
    await expect(button).toHaveAttribute("aria-disabled", "false");
    await expect(button).toHaveAccessibleName("Bulk Actions, 1 selected");
    await rowCheckbox(page, contact!.name).uncheck();
    await expect(button).toHaveAttribute("aria-disabled", "true");

    // Select all ticks every row on the page, and unticks them again.
    const rows = await dataRows(page).count();
    const selectAll = page.getByRole("checkbox", { name: "Select all" });
    await selectAll.check();
    await expect(page.getByRole("checkbox", { name: /^Select (?!all$)/, checked: true })).toHaveCount(rows);
    await expect(button).toHaveAccessibleName(`Bulk Actions, ${rows} selected`);
    await snap(page, testInfo, "select-all");
    await selectAll.uncheck();
    await expect(page.getByRole("checkbox", { checked: true })).toHaveCount(0);
    await expect(button).toHaveAttribute("aria-disabled", "true");
  });

  for (const how of ["Cancel", "Escape"] as const) {
    test(`${how} closes the dialog without changes and returns focus to Bulk Actions`, async ({ page }, testInfo) => {
      await openDirectory(page, CONTACTS_PATH);
      const before = await tabCounts(page);
      const rows = await readRows(page, 2);
      const names = rows.map((r) => r.name);
      await selectContacts(page, names);

      const dialog = await openLifecycleDialog(page, "Inactivate");
      await expect(chosenList(dialog)).toHaveCount(2);
      // A removal inside the dialog is forgotten when it closes.
      await dialog.getByRole("button", { name: `Remove ${names[0]}`, exact: true }).click();
      await expect(chosenList(dialog)).toHaveCount(1);
      await snap(page, testInfo, `dialog-before-${how.toLowerCase()}`);
      await close(page, how);

      await expect(dialog).toBeHidden();
      await expect(bulkActions(page)).toBeFocused();
      await expect(toast(page, /Inactivated/)).toHaveCount(0);
      for (const name of names) {
        await expect(rowFor(page, name)).toHaveCount(1);
        await expect(rowCheckbox(page, name)).toBeChecked();
      }
      await expectTabCounts(page, before);
      await snap(page, testInfo, `after-${how.toLowerCase()}`);

      // Nothing changed on the server either: a fresh load shows the same.
      await page.reload();
      await waitForHydration(page);
      await expectTabCounts(page, before);
      for (const name of names) await expect(rowFor(page, name)).toHaveCount(1);

      // Reopening lists everyone selected again.
      await selectContacts(page, names);
      const again = await openLifecycleDialog(page, "Inactivate");
      await expect(chosenList(again)).toHaveCount(2);
      await close(page, how);
      await expect(again).toBeHidden();
      await expect(bulkActions(page)).toBeFocused();
    });
  }

  test("the confirm button is disabled once everyone is removed from the dialog", async ({ page }, testInfo) => {
    await openDirectory(page, CONTACTS_PATH);
    const before = await tabCounts(page);
    const names = (await readRows(page, 2)).map((r) => r.name);
    await selectContacts(page, names);

    const dialog = await openLifecycleDialog(page, "Inactivate");
    const confirm = dialog.getByRole("button", { name: "Inactivate", exact: true });
    await expect(confirm).toBeEnabled();
    for (const name of names) await dialog.getByRole("button", { name: `Remove ${name}`, exact: true }).click();
    await expect(chosenList(dialog)).toHaveCount(0);
    await expect(confirm).toBeDisabled();
    await expect(dialog).toContainText("No contacts chosen");
    await snap(page, testInfo, "dialog-everyone-removed");

    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expectTabCounts(page, before);
    for (const name of names) await expect(rowFor(page, name)).toHaveCount(1);
  });
});

async function close(page: Page, how: "Cancel" | "Escape") {
  if (how === "Cancel") await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  else await page.keyboard.press("Escape");
}
