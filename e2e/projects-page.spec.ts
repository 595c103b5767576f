import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { signedIn } from "../playwright.config";
import { expect, test } from "./fixtures";
import { PROJECTS_PATH, projectRow, projectsTable, snap, toast, urlParam, waitForHydration } from "./support";

// The Projects page is a data table: search, sort (numbers in names as numbers) and page in
// the URL, and New Project for company Directory admins. The projects made here are this
// spec's own (unique names), after every spec that counts the demo company's projects.

const tag = `${Date.now().toString(36)}`;
const PHASE_2 = `Zeta ${tag} Phase 2`;
const PHASE_10 = `Zeta ${tag} Phase 10`;

async function openProjects(page: Page, search = "") {
  await page.goto(`${PROJECTS_PATH}${search}`);
  await waitForHydration(page, page.getByRole("searchbox", { name: "Search projects" }));
}

async function names(page: Page) {
  const links = projectsTable(page)
    .getByRole("cell")
    .getByRole("link")
    .filter({ hasNotText: /^Crews$/ });
  return (await links.allTextContents()).map((t) => t.trim());
}

function newProjectDialog(page: Page) {
  return page.getByRole("dialog", { name: "New Project" });
}

async function createProject(page: Page, name: string, number: string) {
  await page.getByRole("button", { name: "New Project" }).click();
  const dialog = newProjectDialog(page);
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("textbox", { name: "Number" }).fill(number);
  await dialog.getByRole("button", { name: "Create Project" }).click();
}

test.describe("The Projects page", () => {
  // The second test sorts the two projects the first one creates.
  test.describe.configure({ mode: "serial" });

  test("New Project asks for a name, refuses a number already in use, and adds the project to the table", async ({
    page,
  }, testInfo) => {
    await openProjects(page);
    await page.getByRole("button", { name: "New Project" }).click();
    const dialog = newProjectDialog(page);
    await expect(dialog.getByRole("textbox", { name: "Name" })).toBeFocused();
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    // No name: said on the field, nothing sent.
    await dialog.getByRole("button", { name: "Create Project" }).click();
    await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveAccessibleDescription("Enter a project name.");
    await snap(page, testInfo, "new-project-no-name");

    // A number another project has (Harbor View Medical Center's): the 409, on the Number field.
    await dialog.getByRole("textbox", { name: "Name" }).fill(PHASE_10);
    await dialog.getByRole("textbox", { name: "Number" }).fill("2024-101");
    await dialog.getByRole("button", { name: "Create Project" }).click();
    await expect(dialog.getByRole("textbox", { name: "Number" })).toHaveAccessibleDescription(
      "A project numbered 2024-101 already exists.",
    );
    await expect(dialog).toBeVisible();

    await dialog.getByRole("textbox", { name: "Number" }).fill(`Z-${tag}-10`);
    await dialog.getByRole("button", { name: "Create Project" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(toast(page, `Project “${PHASE_10}” created.`)).toBeVisible();
    await expect(projectRow(page, PHASE_10)).toContainText(`Z-${tag}-10`);
    await expect(projectRow(page, PHASE_10)).toContainText("Active");

    await createProject(page, PHASE_2, `Z-${tag}-2`);
    await expect(projectRow(page, PHASE_2)).toBeVisible();
  });

  test("search, sort and page live in the URL; names sort with their numbers as numbers", async ({
    page,
  }, testInfo) => {
    await openProjects(page);
    await page.getByRole("searchbox", { name: "Search projects" }).fill(`zeta ${tag}`);
    await expect.poll(() => urlParam(page, "q")).toBe(`zeta ${tag}`);
    await expect.poll(() => names(page)).toEqual([PHASE_2, PHASE_10]);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("1–2 of 2");

    await projectsTable(page).getByRole("button", { name: "Name" }).click();
    await expect.poll(() => urlParam(page, "sort")).toBe("name.desc");
    await expect.poll(() => names(page)).toEqual([PHASE_10, PHASE_2]);
    await expect(projectsTable(page).getByRole("columnheader", { name: "Name" })).toHaveAttribute(
      "aria-sort",
      "descending",
    );

    // Kept across a reload.
    await page.reload();
    await waitForHydration(page, page.getByRole("searchbox", { name: "Search projects" }));
    await expect(page.getByRole("searchbox", { name: "Search projects" })).toHaveValue(`zeta ${tag}`);
    await expect.poll(() => names(page)).toEqual([PHASE_10, PHASE_2]);

    // By number: the search matches numbers too.
    await page.getByRole("searchbox", { name: "Search projects" }).fill("2025-0");
    await expect.poll(() => names(page)).toHaveLength(4);
    await projectsTable(page).getByRole("button", { name: "Number" }).click();
    await expect.poll(() => urlParam(page, "sort")).toBe("number.asc");
    await expect
      .poll(async () => {
        const rows = projectsTable(page).getByRole("row");
        return (await rows.allTextContents()).slice(1).map((t) => /2025-0\d\d/.exec(t)?.[0]);
      })
      .toEqual(["2025-007", "2025-019", "2025-032", "2025-040"]);

    // Nothing matches: said, with a way back.
    await page.getByRole("searchbox", { name: "Search projects" }).fill("no such project anywhere");
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: "No projects match" })).toHaveText(
      /No projects match “no such project anywhere”/,
    );
    await page.getByRole("button", { name: "Clear search" }).click();
    await expect.poll(() => urlParam(page, "q")).toBeNull();

    // A page past the last, or a key the page does not know, lands on what it can show.
    await openProjects(page, "?page=9&colour=red");
    expect(new URL(page.url()).search).toBe("");
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("Page 1 of 1");

    await page.emulateMedia({ reducedMotion: "reduce" });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await snap(page, testInfo, "projects-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    // The page's own content fits (the table scrolls inside its box; the app header is another issue's).
    expect(await page.getByRole("main").evaluate((main) => main.scrollWidth - main.clientWidth)).toBe(0);
    await snap(page, testInfo, "projects-phone");
  });
});

test.describe("The Projects page for a standard user", () => {
  test.use({ storageState: signedIn("standard") });

  test("offers no New Project", async ({ page }) => {
    await openProjects(page);
    await expect(projectsTable(page).getByRole("row")).not.toHaveCount(1);
    await expect(page.getByRole("button", { name: "New Project" })).toHaveCount(0);
  });
});
