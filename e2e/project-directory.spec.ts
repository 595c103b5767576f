import { expect, test } from "./fixtures";
import type { Locator, Page } from "@playwright/test";
import {
  COMPANY_PATH,
  CONTACTS_PATH,
  INACTIVE_PATH,
  PROJECTS_PATH,
  SEEDED_PROJECTS,
  addContact,
  bulkActions,
  chosenList,
  contactProjectRow,
  dataRows,
  expectTabCounts,
  fetchCsv,
  newContact,
  openContactPage,
  openDirectory,
  openProjectDirectory,
  openRowActionDialog,
  pickerNoMatch,
  pickerOption,
  pickerOptions,
  pickerSearch,
  projectRow,
  projectsTable,
  readRow,
  readRows,
  rowActions,
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

const PROJECT_DIRECTORY_PATH = `${COMPANY_PATH}/projects/[0-9a-f-]{36}/directory/contacts`;
/** The project the tests that add and remove contacts work on. */
const PROJECT = "Northgate Distribution Warehouse";
/** A project directory's link target, and the page's full URL once there. */
const PROJECT_DIRECTORY_HREF = new RegExp(`^${PROJECT_DIRECTORY_PATH}$`);
const PROJECT_DIRECTORY_URL = new RegExp(`^https?://[^/]+${PROJECT_DIRECTORY_PATH}$`);

/** A project's row's Contacts and Inactive cells: its directory's tab counts. */
async function rowCounts(row: Locator) {
  const cells = row.getByRole("cell");
  const number = async (i: number) => Number(((await cells.nth(i).textContent()) ?? "").replaceAll(",", ""));
  return { active: await number(3), inactive: await number(4) };
}

/** The names in the Projects table, top to bottom. */
async function projectNames(page: Page) {
  const links = projectsTable(page)
    .getByRole("cell")
    .getByRole("link")
    .filter({ hasNotText: /^Crews$/ });
  return (await links.allTextContents()).map((t) => t.trim());
}

test.describe("Project directories", () => {
  test("the Projects page lists the company's 8 projects, each linking to its directory", async ({
    page,
  }, testInfo) => {
    await page.goto(PROJECTS_PATH);
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }),
    ).toHaveAttribute("aria-current", "page");
    await expect(projectsTable(page).getByRole("row")).toHaveCount(SEEDED_PROJECTS + 1);
    const names = await projectNames(page);
    expect(new Set(names).size).toBe(SEEDED_PROJECTS);
    expect(names, "listed by name, numbers as numbers").toEqual(
      names.toSorted((a, b) => a.localeCompare(b, "en", { numeric: true, sensitivity: "base" })),
    );
    for (const name of names) {
      const link = projectRow(page, name).getByRole("link", { name, exact: true });
      await expect(link).toHaveAttribute("href", PROJECT_DIRECTORY_HREF);
      // Each row also links to the project's crews.
      await expect(projectRow(page, name).getByRole("link", { name: "Crews", exact: true })).toHaveAttribute(
        "href",
        new RegExp(`^${COMPANY_PATH}/projects/[0-9a-f-]{36}/crews$`),
      );
    }
    await snap(page, testInfo, "projects");
  });

  test("a project's directory shows both tabs with counts, row selection, its own actions and an export", async ({
    page,
  }, testInfo) => {
    await page.goto(PROJECTS_PATH);
    const name = (await projectNames(page))[0]!;
    const row = projectRow(page, name);
    const shown = await rowCounts(row);
    await row.getByRole("link", { name, exact: true }).click();

    await expect(page).toHaveURL(PROJECT_DIRECTORY_URL);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(
      page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Projects" }),
    ).toBeVisible();
    const tools = page.getByRole("navigation", { name: "Project tools" });
    await expect(tools.getByRole("link", { name: "Directory" })).toHaveAttribute("aria-current", "page");
    await expect(tools.getByRole("link", { name: "Crews" })).not.toHaveAttribute("aria-current", /.*/);
    await waitForHydration(page);
    await expect(tab(page, "Contacts")).toHaveAttribute("aria-current", "page");
    await expect(tab(page, "Inactive Contacts")).not.toHaveAttribute("aria-current");
    // The tab counts agree with the Projects page.
    const counts = await tabCounts(page);
    expect(counts).toEqual(shown);
    expect(counts.active).toBeGreaterThan(0);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(`of ${counts.active}`);

    // Rows can be selected; Bulk Actions removes them from the project (not inactivate: that is company-wide).
    await expect(dataRows(page).first()).toBeVisible();
    const rows = await dataRows(page).count();
    await expect(page.getByRole("checkbox", { name: /^Select (?!all$)/ })).toHaveCount(rows);
    await expect(page.getByRole("checkbox", { name: "Select all" })).toBeVisible();
    await expect(bulkActions(page)).toHaveAttribute("aria-disabled", "true");
    await expect(page.getByRole("button", { name: "Add Contact", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add from Directory" })).toBeVisible();
    const exportHref = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(exportHref).toMatch(new RegExp(`^${PROJECT_DIRECTORY_PATH}/export$`));
    const headers = (await page.getByRole("columnheader").allTextContents()).map((t) => t.trim());
    expect(headers).toEqual(["", "Name", "Company", "Job title", "Email", "Phone", "Projects", "Actions"]);
    // No Project filter here: the directory is one project.
    const filters = page.getByRole("group", { name: "Filters" });
    await expect(filters.getByRole("combobox", { name: /^Company\b/ })).toBeVisible();
    await expect(filters.getByRole("combobox", { name: /^Project\b/ })).toHaveCount(0);
    await snap(page, testInfo, "project-contacts");

    // Every contact listed here is on this project; every row has its actions.
    const firstRows = await readRows(page, Math.min(5, counts.active));
    for (const row of firstRows) {
      expect(row.projects).toContain(name);
      await expect(rowActions(page, row.name)).toBeVisible();
    }
    await selectContacts(page, [firstRows[0]!.name]);
    await bulkActions(page).click();
    await expect(page.getByRole("menu").getByRole("menuitem")).toHaveText(["Remove from Project"]);
    await snap(page, testInfo, "project-bulk-actions-menu");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu")).toHaveCount(0);
    await rowCheckbox(page, firstRows[0]!.name).uncheck();

    // The export holds the tab's contacts, every one on this project.
    const { records } = await fetchCsv(page, exportHref!);
    expect(records).toHaveLength(counts.active);
    for (const record of records) {
      expect(record.Status).toBe("Active");
      expect(record.Projects!.split("; ")).toContain(name);
    }

    await tab(page, "Inactive Contacts").click();
    await expect(page).toHaveURL(/\/directory\/inactive-contacts$/);
    await expect(tab(page, "Inactive Contacts")).toHaveAttribute("aria-current", "page");
    await waitForHydration(page);
    await expectTabCounts(page, counts);
    if (counts.inactive > 0) {
      await expect(page.getByRole("checkbox", { name: /^Select (?!all$)/ })).toHaveCount(Math.min(50, counts.inactive));
      const [inactive] = await readRows(page, 1);
      await rowActions(page, inactive!.name).click();
      await expect(page.getByRole("menu").getByRole("menuitem")).toHaveText(["View contact", "Remove from Project"]);
      await page.keyboard.press("Escape");
    }
    await expect(bulkActions(page)).toHaveAttribute("aria-disabled", "true");
    await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
      "href",
      new RegExp(`^${PROJECT_DIRECTORY_PATH.replace("contacts", "inactive-contacts")}/export$`),
    );
    await snap(page, testInfo, "project-inactive-contacts");
  });

  test("Add Contact on a project's directory puts the new contact on that project", async ({ page }, testInfo) => {
    const contact = newContact("Morgan", "Hale");
    await openProjectDirectory(page, PROJECT);
    const before = await tabCounts(page);
    await addContact(page, contact, { "Job title": "Surveyor" });
    await expectTabCounts(page, { active: before.active + 1, inactive: before.inactive });
    await search(page, contact.name);
    expect(await readRow(page, rowFor(page, contact.name))).toEqual({ name: contact.name, projects: [PROJECT] });
    await snap(page, testInfo, "project-contact-added");

    // The same one contact in the company directory, on this project.
    await openDirectory(page, CONTACTS_PATH);
    await search(page, contact.name);
    expect(await readRow(page, rowFor(page, contact.name))).toEqual({ name: contact.name, projects: [PROJECT] });

    // "View contact" in the row's menu opens its page.
    await rowActions(page, contact.name).click();
    await page.getByRole("menuitem", { name: "View contact" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(contact.name);
    await expect(contactProjectRow(page, PROJECT)).toContainText("Active");
  });

  test("Add from Directory adds active contacts; Remove from Project takes one off, and adding it again brings it back", async ({
    page,
  }, testInfo) => {
    test.slow();
    // Someone in the company directory who is on no project.
    const contact = newContact("Riley", "Quinn");
    await openDirectory(page, CONTACTS_PATH);
    await addContact(page, contact);

    await openProjectDirectory(page, PROJECT);
    const before = await tabCounts(page);
    const projectUrl = page.url();

    await page.getByRole("button", { name: "Add from Directory" }).click();
    let picker = page.getByRole("dialog", { name: "Add Contacts to Project" });
    await expect(picker).toBeVisible();
    await expect(picker.getByRole("searchbox", { name: "Search active contacts" })).toBeFocused();
    await expect(pickerOptions(picker).first()).toBeVisible();
    const confirm = picker.getByRole("button", { name: /^Add( \d+)?$/ });
    await expect(confirm).toHaveText("Add");
    await expect(confirm).toBeDisabled();
    await pickerSearch(picker, contact.name);
    await expect(pickerOption(picker, contact.name)).toBeVisible();
    await expect(pickerOptions(picker)).toHaveCount(1);
    await pickerOption(picker, contact.name).check();
    await expect(confirm).toHaveText("Add 1");
    await snap(page, testInfo, "add-from-directory");
    await confirm.click();
    await expect(picker).toBeHidden();
    await expect(toast(page, "Added 1 contact to the project")).toBeVisible();
    await expect(page.getByRole("button", { name: "Add from Directory" })).toBeFocused();
    await expectTabCounts(page, { active: before.active + 1, inactive: before.inactive });
    await search(page, contact.name);
    expect(await readRow(page, rowFor(page, contact.name))).toEqual({ name: contact.name, projects: [PROJECT] });

    // Remove from Project with the row's own action.
    const dialog = await openRowActionDialog(page, contact.name, "Remove from Project");
    await expect(chosenList(dialog)).toHaveCount(1);
    await expect(chosenList(dialog)).toContainText(contact.name);
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await snap(page, testInfo, "row-remove-from-project");
    await dialog.getByRole("button", { name: "Remove", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(toast(page, "Removed 1 contact from the project")).toBeVisible();
    await expect(rowFor(page, contact.name)).toHaveCount(0);
    await expectTabCounts(page, before);

    // Still in the company directory, on no project; its page keeps the project as Removed.
    await openDirectory(page, CONTACTS_PATH);
    await search(page, contact.name);
    expect(await readRow(page, rowFor(page, contact.name))).toEqual({ name: contact.name, projects: [] });
    await openContactPage(page, contact.name);
    await expect(contactProjectRow(page, PROJECT)).toContainText("Removed");

    // Adding it again brings it back.
    await page.goto(projectUrl);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Add from Directory" }).click();
    picker = page.getByRole("dialog", { name: "Add Contacts to Project" });
    await pickerSearch(picker, contact.name);
    await pickerOption(picker, contact.name).check();
    await picker.getByRole("button", { name: "Add 1" }).click();
    await expect(toast(page, "Added 1 contact to the project")).toBeVisible();
    await expectTabCounts(page, { active: before.active + 1, inactive: before.inactive });
    await search(page, contact.name);
    await expect(rowFor(page, contact.name)).toHaveCount(1);

    // An inactive contact is never offered.
    await openDirectory(page, INACTIVE_PATH);
    const [inactive] = await readRows(page, 1);
    await page.goto(projectUrl);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Add from Directory" }).click();
    picker = page.getByRole("dialog", { name: "Add Contacts to Project" });
    await pickerSearch(picker, inactive!.name);
    await expect(pickerNoMatch(picker)).toBeVisible();
    await picker.getByRole("button", { name: "Cancel" }).click();
    await expect(picker).toBeHidden();
  });

  test("an inactive member of a project appears on its Inactive Contacts tab, not on Contacts", async ({
    page,
  }, testInfo) => {
    // Find an inactive contact and one of the projects they were on, as a person would.
    await openDirectory(page, INACTIVE_PATH);
    const [contact] = await readRows(page, 1);
    const project = contact!.projects[0];
    expect(project, `${contact!.name} has a project`).toBeTruthy();

    await page.goto(PROJECTS_PATH);
    await page.getByRole("link", { name: project!, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(project!);
    await waitForHydration(page);
    await search(page, contact!.name);
    await expect(dataRows(page)).toHaveCount(0);

    await tab(page, "Inactive Contacts").click();
    await expect(tab(page, "Inactive Contacts")).toHaveAttribute("aria-current", "page");
    await waitForHydration(page);
    await search(page, contact!.name);
    await expect(rowFor(page, contact!.name)).toHaveCount(1);
    await snap(page, testInfo, "project-inactive-member");
  });
});
