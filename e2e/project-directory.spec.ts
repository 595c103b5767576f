import { expect, test } from "./fixtures";
import type { Locator, Page } from "@playwright/test";
import {
  COMPANY_PATH,
  INACTIVE_PATH,
  PROJECTS_PATH,
  SEEDED_PROJECTS,
  bulkActions,
  dataRows,
  expectTabCounts,
  openDirectory,
  readRows,
  rowFor,
  search,
  snap,
  tab,
  tabCounts,
  waitForHydration,
} from "./support";

const PROJECT_DIRECTORY_PATH = `${COMPANY_PATH}/projects/[0-9a-f-]{36}/directory/contacts`;
/** A project directory's link target, and the page's full URL once there. */
const PROJECT_DIRECTORY_HREF = new RegExp(`^${PROJECT_DIRECTORY_PATH}$`);
const PROJECT_DIRECTORY_URL = new RegExp(`^https?://[^/]+${PROJECT_DIRECTORY_PATH}$`);

/** A project's card on the Projects page: its name is a level-2 heading holding the link. */
function projectCard(page: Page, name: string) {
  return page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name, exact: true }) });
}

async function cardCounts(card: Locator) {
  const text = (await card.textContent()) ?? "";
  const match = /(\d+) contacts · (\d+) inactive/.exec(text);
  expect(match, `project card "${text}" shows its counts`).not.toBeNull();
  return { active: Number(match![1]), inactive: Number(match![2]) };
}

test.describe("Project directories", () => {
  test("the Projects page lists the company's 8 projects, each linking to its directory", async ({ page }, testInfo) => {
    await page.goto(PROJECTS_PATH);
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" })).toHaveAttribute("aria-current", "page");
    const headings = page.getByRole("main").getByRole("heading", { level: 2 });
    await expect(headings).toHaveCount(SEEDED_PROJECTS);
    const names = (await headings.allTextContents()).map((t) => t.trim());
    expect(new Set(names).size).toBe(SEEDED_PROJECTS);
    expect(names, "listed by name").toEqual(names.toSorted((a, b) => a.localeCompare(b)));
    for (const name of names) {
      const link = projectCard(page, name).getByRole("link", { name, exact: true });
      await expect(link).toHaveAttribute("href", PROJECT_DIRECTORY_HREF);
    }
    await snap(page, testInfo, "projects");
  });

  test("a project's directory shows both tabs with counts and no selection or bulk actions", async ({ page }, testInfo) => {
    await page.goto(PROJECTS_PATH);
    const name = (await page.getByRole("main").getByRole("heading", { level: 2 }).first().textContent())!.trim();
    const card = projectCard(page, name);
    const shown = await cardCounts(card);
    await card.getByRole("link", { name, exact: true }).click();

    await expect(page).toHaveURL(PROJECT_DIRECTORY_URL);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Projects" })).toBeVisible();
    await waitForHydration(page);
    await expect(tab(page, "Contacts")).toHaveAttribute("aria-selected", "true");
    await expect(tab(page, "Inactive Contacts")).toHaveAttribute("aria-selected", "false");
    // The tab counts agree with the Projects page.
    const counts = await tabCounts(page);
    expect(counts).toEqual(shown);
    expect(counts.active).toBeGreaterThan(0);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(`of ${counts.active}`);

    // Read-only: no checkboxes, no Bulk Actions; the table still has its columns.
    await expect(dataRows(page).first()).toBeVisible();
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await expect(bulkActions(page)).toHaveCount(0);
    const headers = (await page.getByRole("columnheader").allTextContents()).map((t) => t.trim());
    expect(headers).toEqual(["Name", "Company", "Job title", "Email", "Phone", "Projects"]);
    await snap(page, testInfo, "project-contacts");

    // Every contact listed here is on this project.
    for (const row of await readRows(page, Math.min(5, counts.active))) expect(row.projects).toContain(name);

    await tab(page, "Inactive Contacts").click();
    await expect(page).toHaveURL(/\/directory\/inactive-contacts$/);
    await expect(tab(page, "Inactive Contacts")).toHaveAttribute("aria-selected", "true");
    await waitForHydration(page);
    await expectTabCounts(page, counts);
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await expect(bulkActions(page)).toHaveCount(0);
    await snap(page, testInfo, "project-inactive-contacts");
  });

  test("an inactive member of a project appears on its Inactive Contacts tab, not on Contacts", async ({ page }, testInfo) => {
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
    await expect(tab(page, "Inactive Contacts")).toHaveAttribute("aria-selected", "true");
    await waitForHydration(page);
    await search(page, contact!.name);
    await expect(rowFor(page, contact!.name)).toHaveCount(1);
    await snap(page, testInfo, "project-inactive-member");
  });
});
