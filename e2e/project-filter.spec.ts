import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CONTACTS_PATH, dataRows, openDirectory, readRow, snap, urlParam, waitForHydration } from "./support";

// The company directory's Project filter is a combobox that searches the server: a large
// company has thousands of projects, too many to send with every page.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function projectFilter(page: Page) {
  return page.getByRole("group", { name: "Filters" }).getByRole("combobox", { name: "Project", exact: true });
}

function projectList(page: Page) {
  return page.getByRole("listbox", { name: "Project" });
}

/** The line under the list's options: "No matches", "Searching…", a failure. */
function listNote(page: Page) {
  return page.locator("[data-radix-popper-content-wrapper] p");
}

/** The option aria-activedescendant points at: what Enter would choose. */
async function activeOption(page: Page, combobox: Locator) {
  const id = await combobox.getAttribute("aria-activedescendant");
  return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? "") : null;
}

/** "1–50 of 252" → 252 */
async function total(page: Page) {
  const text = await page
    .getByRole("navigation", { name: "Pagination" })
    .getByText(/^[\d,]+–[\d,]+ of [\d,]+$/)
    .textContent();
  return Number(/of ([\d,]+)$/.exec(text!.trim())![1]!.replaceAll(",", ""));
}

test.describe("The Project filter", () => {
  test("is a labelled combobox whose listbox the server fills as one types, chosen by keyboard", async ({
    page,
  }, testInfo) => {
    await openDirectory(page, CONTACTS_PATH);
    const all = await total(page);
    const project = (await readRow(page, dataRows(page).first())).projects[0]!;
    const combobox = projectFilter(page);
    await expect(combobox).toHaveValue("");
    await expect(combobox).toHaveAttribute("placeholder", "All projects");
    await expect(combobox).toHaveAttribute("aria-expanded", "false");
    await expect(projectList(page)).toHaveCount(0);

    // ArrowDown opens the list with "All projects" first and the server's projects after it.
    await combobox.focus();
    await combobox.press("ArrowDown");
    await expect(combobox).toHaveAttribute("aria-expanded", "true");
    await expect(combobox).toHaveAttribute("aria-controls", (await projectList(page).getAttribute("id"))!);
    await expect(projectList(page).getByRole("option").first()).toHaveText("All projects");
    await expect(projectList(page).getByRole("option")).not.toHaveCount(1);
    expect(await activeOption(page, combobox)).toBe("All projects");
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await snap(page, testInfo, "project-filter-open");

    // Something no project is called: the list says so, and Enter chooses nothing.
    await combobox.fill("zzz no such project");
    await expect(listNote(page)).toHaveText("No matches for “zzz no such project”");
    await expect(page.getByRole("status").filter({ hasText: "No matches" })).toHaveText(
      "No matches for “zzz no such project”",
    );
    await expect(projectList(page).getByRole("option")).toHaveCount(0);
    await combobox.press("Enter");
    expect(urlParam(page, "project")).toBeNull();

    // A part of the name narrows the list; arrows move to the project, Enter chooses it.
    await combobox.fill(project.slice(0, 6).toLowerCase());
    await expect(projectList(page).getByRole("option", { name: project })).toBeVisible();
    for (let i = 0; i < 10 && !(await activeOption(page, combobox))?.startsWith(project); i++)
      await combobox.press("ArrowDown");
    expect(await activeOption(page, combobox)).toContain(project);
    await combobox.press("Enter");
    await expect(combobox).toHaveAttribute("aria-expanded", "false");
    await expect(combobox).toBeFocused();
    await expect(combobox).toHaveValue(project);
    await expect.poll(() => urlParam(page, "project")).toMatch(UUID);
    await expect.poll(() => total(page)).toBeLessThan(all);
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    const rows = await dataRows(page).count();
    expect(rows).toBeGreaterThan(0);
    for (let i = 0; i < Math.min(rows, 10); i++)
      expect((await readRow(page, dataRows(page).nth(i))).projects).toContain(project);
    await snap(page, testInfo, "filtered-by-project");

    // Typing then Escape closes the list and puts the chosen project's name back.
    await combobox.fill("Harb");
    await expect(projectList(page)).toBeVisible();
    await combobox.press("Escape");
    await expect(projectList(page)).toHaveCount(0);
    await expect(combobox).toHaveValue(project);

    // The page names the chosen project itself, without the list: after a reload too.
    await page.reload();
    await waitForHydration(page);
    await expect(projectFilter(page)).toHaveValue(project);

    // Choosing All projects with the mouse takes the filter off.
    await projectFilter(page).click();
    await projectList(page).getByRole("option", { name: "All projects" }).click();
    await expect.poll(() => urlParam(page, "project")).toBeNull();
    await expect(projectFilter(page)).toHaveValue("");
    await expect.poll(() => total(page)).toBe(all);
  });

  test("finds a project by its number, with the number beside each name", async ({ page }) => {
    await openDirectory(page, CONTACTS_PATH);
    const combobox = projectFilter(page);
    await combobox.fill("2025-007");
    const options = projectList(page).getByRole("option");
    await expect(options).toHaveCount(1);
    await expect(options).toHaveText(/Cedar Park Apartments\s*2025-007/);
    // A wildcard is taken literally: no project number or name holds a "%".
    await combobox.fill("%");
    await expect(listNote(page)).toHaveText("No matches for “%”");
  });
});
