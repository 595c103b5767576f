import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";

/** The demo company the app seeds into a fresh embedded database. */
export const COMPANY_ID = "5d1e7c4a-6b0f-4c1e-9a57-2f3b8e9d0a11";
export const COMPANY_PATH = `/companies/${COMPANY_ID}`;
export const CONTACTS_PATH = `${COMPANY_PATH}/directory/contacts`;
export const INACTIVE_PATH = `${COMPANY_PATH}/directory/inactive-contacts`;
export const PROJECTS_PATH = `${COMPANY_PATH}/projects`;

/** The seed's totals: every contact is on exactly one of the two tabs. */
export const SEEDED_CONTACTS = 300;
export const SEEDED_PROJECTS = 8;

export type TabName = "Contacts" | "Inactive Contacts";

declare global {
  interface Window {
    /** Set by a test; a full page load would wipe it. */
    __e2eMarker?: number;
  }
}

/** Marks the current document, so a later check can tell whether the page was reloaded. */
export async function markDocument(page: Page) {
  await page.evaluate(() => {
    window.__e2eMarker = 1;
  });
}

/** Fails if the document was replaced (a full page load) since `markDocument`. */
export async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => window.__e2eMarker), "no full page reload since the marker was set").toBe(1);
}

/**
 * Waits until React has hydrated the directory's client components, so clicks and
 * key presses reach its handlers (hydrated DOM nodes carry React's fiber keys).
 */
export async function waitForHydration(page: Page, target: Locator = page.getByRole("searchbox", { name: "Search contacts" })) {
  await expect(target).toBeVisible();
  await expect
    .poll(() => target.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactFiber"))), {
      message: "the page hydrates",
    })
    .toBe(true);
}

/** Opens a page and waits until it can be used. */
export async function openDirectory(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
}

/** Screenshots taken so far by each test, to number its files in order. */
const shots = new WeakMap<TestInfo, number>();

/** Saves a full-page screenshot next to the test's other artifacts and attaches it to the report. */
export async function snap(page: Page, testInfo: TestInfo, name: string) {
  const n = (shots.get(testInfo) ?? 0) + 1;
  shots.set(testInfo, n);
  const path = testInfo.outputPath(`${String(n).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

export function tablist(page: Page) {
  return page.getByRole("tablist", { name: "Directory" });
}

export function tab(page: Page, name: TabName) {
  return tablist(page).getByRole("tab", { name, exact: true });
}

/** A tab's count, as its description ("250 contacts") tells it. */
export async function tabCount(page: Page, name: TabName): Promise<number> {
  const id = await tab(page, name).getAttribute("aria-describedby");
  expect(id, `${name} tab has a description`).toBeTruthy();
  const text = (await page.locator(`[id="${id}"]`).textContent()) ?? "";
  const match = /^([\d,]+) contacts?$/.exec(text.trim());
  expect(match, `${name} tab description "${text}" is a count`).not.toBeNull();
  return Number(match![1]!.replaceAll(",", ""));
}

/** Both tab counts; each equals the number shown visually on the tab. */
export async function tabCounts(page: Page) {
  const counts = { active: await tabCount(page, "Contacts"), inactive: await tabCount(page, "Inactive Contacts") };
  await expect(tab(page, "Contacts")).toContainText(counts.active.toLocaleString("en-US"));
  await expect(tab(page, "Inactive Contacts")).toContainText(counts.inactive.toLocaleString("en-US"));
  return counts;
}

/** Waits until both tabs show these counts (after a change, the page refreshes in place). */
export async function expectTabCounts(page: Page, counts: { active: number; inactive: number }) {
  await expect(tab(page, "Contacts")).toHaveAccessibleDescription(`${counts.active.toLocaleString("en-US")} ${counts.active === 1 ? "contact" : "contacts"}`);
  await expect(tab(page, "Inactive Contacts")).toHaveAccessibleDescription(
    `${counts.inactive.toLocaleString("en-US")} ${counts.inactive === 1 ? "contact" : "contacts"}`,
  );
}

export function contactsTable(page: Page) {
  return page.getByRole("table");
}

/** The table's body rows (the header row holds column headers, not cells). */
export function dataRows(page: Page) {
  return contactsTable(page)
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
}

export function bulkActions(page: Page) {
  return page.getByRole("button", { name: "Bulk Actions" });
}

export function searchbox(page: Page) {
  return page.getByRole("searchbox", { name: "Search contacts" });
}

export function rowCheckbox(page: Page, name: string) {
  return page.getByRole("checkbox", { name: `Select ${name}`, exact: true });
}

/** The row whose Name cell is exactly this person. */
export function rowFor(page: Page, name: string) {
  return dataRows(page).filter({ has: page.getByRole("cell", { name, exact: true }) });
}

/** Column index (0-based) of the header with this text. */
async function columnIndex(page: Page, header: string) {
  const headers = (await contactsTable(page).getByRole("columnheader").allTextContents()).map((t) => t.trim());
  const index = headers.indexOf(header);
  expect(index, `column "${header}" among ${JSON.stringify(headers)}`).toBeGreaterThanOrEqual(0);
  return index;
}

export type ContactRow = { name: string; projects: string[] };

/** Name and project directories of the table's first `n` rows, read as a person would. */
export async function readRows(page: Page, n: number): Promise<ContactRow[]> {
  const result: ContactRow[] = [];
  for (let i = 0; i < n; i++) result.push(await readRow(page, dataRows(page).nth(i)));
  return result;
}

export async function readRow(page: Page, row: Locator): Promise<ContactRow> {
  const nameAt = await columnIndex(page, "Name");
  const projectsAt = await columnIndex(page, "Projects");
  const name = (await row.getByRole("cell").nth(nameAt).textContent())?.trim() ?? "";
  expect(name, "the row has a name").not.toBe("");
  return { name, projects: await readProjects(row.getByRole("cell").nth(projectsAt)) };
}

/** The Projects cell shows the first project and "+N more"; its tooltip lists them all. */
async function readProjects(cell: Locator): Promise<string[]> {
  const text = (await cell.textContent())?.trim() ?? "";
  if (text === "None") return [];
  const title = await cell.locator("[title]").first().getAttribute("title");
  const projects = (title ?? "").split("\n").filter(Boolean);
  expect(text.startsWith(projects[0] ?? "\u0000"), `Projects cell "${text}" shows its first project`).toBe(true);
  const more = /\+(\d+) more$/.exec(text);
  expect(projects.length, `Projects cell "${text}" lists ${projects.length}`).toBe(more ? Number(more[1]) + 1 : 1);
  return projects;
}

/** Number of distinct project directories of these contacts. */
export function distinctProjects(rows: ContactRow[]) {
  return new Set(rows.flatMap((r) => r.projects)).size;
}

export function plural(n: number, one: string, many = `${one}s`) {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** A toast from the app's notifications region. */
export function toast(page: Page, text: string | RegExp) {
  return page.getByRole("region", { name: /Notifications/ }).getByText(text);
}

/** The value of one query parameter of the page's current URL. */
export function urlParam(page: Page, key: string) {
  return new URL(page.url()).searchParams.get(key);
}

/** Types a search and waits until the URL and the table show its result. */
export async function search(page: Page, q: string) {
  await searchbox(page).fill(q);
  await expect.poll(() => urlParam(page, "q"), { message: `the URL carries q=${q}` }).toBe(q || null);
  // The caption names the query the server rendered the rows for.
  await expect(contactsTable(page).locator("caption")).toHaveText(
    q ? new RegExp(`matching “${escapeRegExp(q)}”$`) : /^(Contacts|Inactive contacts)$/,
  );
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

export function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Ticks the named rows' checkboxes and checks Bulk Actions says how many are selected. */
export async function selectContacts(page: Page, names: string[]) {
  for (const name of names) await rowCheckbox(page, name).check();
  await expect(bulkActions(page)).toHaveAttribute("aria-disabled", "false");
  await expect(bulkActions(page)).toHaveAccessibleDescription(`${names.length} selected`);
}

/** Opens the Bulk Actions menu and chooses its one item; returns the dialog. */
export async function openLifecycleDialog(page: Page, item: "Inactivate" | "Reactivate") {
  await bulkActions(page).click();
  await page.getByRole("menuitem", { name: item }).click();
  const dialog = page.getByRole("dialog", { name: `${item} Contacts` });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The names listed in an open lifecycle dialog. */
export function chosenList(dialog: Locator) {
  return dialog.getByRole("list", { name: "Chosen contacts" }).getByRole("listitem");
}
