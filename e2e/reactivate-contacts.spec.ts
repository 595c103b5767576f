import { expect, test } from "./fixtures";
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

// Reactivates from the top of the Inactive Contacts tab (name A→Z); the inactivate spec
// works from the other end of the alphabet, so the two never pick the same people.
test("reactivating contacts moves them back to Contacts and to their project directories", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await expect(page).toHaveURL(CONTACTS_PATH);
  await waitForHydration(page);
  await expect(tab(page, "Contacts")).toHaveAttribute("aria-current", "page");
  await snap(page, testInfo, "company-contacts");
  await markDocument(page);

  await tab(page, "Inactive Contacts").click();
  await expect(page).toHaveURL(INACTIVE_PATH);
  await expect(tab(page, "Inactive Contacts")).toHaveAttribute("aria-current", "page");
  await expect(tab(page, "Contacts")).not.toHaveAttribute("aria-current");
  await waitForHydration(page);
  await expectSameDocument(page);

  const before = await tabCounts(page);
  // Every contact is on exactly one tab: the seed's, and those other specs created in this run.
  expect(before.active + before.inactive).toBe(SEEDED_CONTACTS + (await contactsCreatedByTests(page)));
  expect(before.inactive).toBeGreaterThanOrEqual(3);

  const [first, dropped, third] = await readRows(page, 3);
  const kept = [first!, third!];
  for (const contact of [...kept, dropped!])
    expect(contact.projects.length, `${contact.name} is on a project`).toBeGreaterThan(0);

  await expect(bulkActions(page)).toHaveAttribute("aria-disabled", "true");
  await selectContacts(page, [first!.name, dropped!.name, third!.name]);
  await snap(page, testInfo, "inactive-three-selected");

  const dialog = await openLifecycleDialog(page, "Reactivate");
  await expect(chosenList(dialog)).toHaveCount(3);
  await expect(dialog).toContainText(`${plural(3, "contact")} will move to the Contacts tab`);
  await snap(page, testInfo, "reactivate-dialog-three");

  await dialog.getByRole("button", { name: `Remove ${dropped!.name}`, exact: true }).click();
  await expect(chosenList(dialog)).toHaveCount(2);
  await expect(chosenList(dialog).filter({ hasText: dropped!.name })).toHaveCount(0);
  for (const contact of kept) await expect(chosenList(dialog).filter({ hasText: contact.name })).toHaveCount(1);
  const projects = distinctProjects(kept);
  await expect(dialog.getByText(/will move to the Contacts tab/)).toHaveText(
    `2 contacts will move to the Contacts tab and return to ${plural(projects, "project directory", "project directories")}.`,
  );
  await snap(page, testInfo, "reactivate-dialog-two");

  await dialog.getByRole("button", { name: "Reactivate", exact: true }).click();

  await expect(dialog).toBeHidden();
  await expect(
    toast(page, `Reactivated 2 contacts — back on ${plural(projects, "project directory", "project directories")}`),
  ).toBeVisible();
  await expect(bulkActions(page)).toBeFocused();
  await expect(bulkActions(page)).toHaveAttribute("aria-disabled", "true");
  for (const contact of kept) await expect(rowFor(page, contact.name)).toHaveCount(0);
  await expect(rowFor(page, dropped!.name)).toHaveCount(1);
  await expect(rowCheckbox(page, dropped!.name)).not.toBeChecked();
  await expect(page.getByRole("checkbox", { checked: true })).toHaveCount(0);
  await expectTabCounts(page, { active: before.active + 2, inactive: before.inactive - 2 });
  await snap(page, testInfo, "inactive-after-reactivate");
  await expectSameDocument(page);

  await tab(page, "Contacts").click();
  await expect(page).toHaveURL(CONTACTS_PATH);
  await expect(tab(page, "Contacts")).toHaveAttribute("aria-current", "page");
  await expectTabCounts(page, { active: before.active + 2, inactive: before.inactive - 2 });
  for (const contact of kept) {
    await search(page, contact.name);
    await expect(rowFor(page, contact.name)).toHaveCount(1);
    // Back on the Contacts tab with the project directories it was inactive on.
    const row = await readRow(page, rowFor(page, contact.name));
    expect(row.projects.toSorted()).toEqual(contact.projects.toSorted());
  }
  await search(page, dropped!.name);
  await expect(dataRows(page)).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `No contacts match “${dropped!.name}”` })).toBeVisible();
  await snap(page, testInfo, "contacts-search-dropped");
  await expectSameDocument(page);

  // One of the project directories the first contact was on: the contact is back on its Contacts tab.
  const project = first!.projects[0]!;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  await page.getByRole("link", { name: project, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(project);
  await expect(tab(page, "Contacts")).toHaveAttribute("aria-current", "page");
  await waitForHydration(page);
  await search(page, first!.name);
  await expect(rowFor(page, first!.name)).toHaveCount(1);
  await snap(page, testInfo, "project-contacts-reactivated");

  await tab(page, "Inactive Contacts").click();
  await expect(tab(page, "Inactive Contacts")).toHaveAttribute("aria-current", "page");
  await waitForHydration(page);
  await search(page, first!.name);
  await expect(dataRows(page)).toHaveCount(0);
  await expectSameDocument(page);
});
