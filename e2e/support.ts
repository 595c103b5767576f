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
export async function waitForHydration(
  page: Page,
  target: Locator = page.getByRole("searchbox", { name: "Search contacts" }),
) {
  await expect(target).toBeVisible();
  await expect
    .poll(() => target.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactFiber"))), {
      message: "the page hydrates",
    })
    .toBe(true);
}

/** Opens a page and waits until it can be used. */
export async function openDirectory(page: Page, path: string, ready?: Locator) {
  await page.goto(path);
  await waitForHydration(page, ready);
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

/** The directory's tabs: links in a navigation landmark. */
export function tablist(page: Page) {
  return page.getByRole("navigation", { name: "Directory" });
}

export function tab(page: Page, name: TabName) {
  return tablist(page).getByRole("link", { name, exact: true });
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
  await expect(tab(page, "Contacts")).toHaveAccessibleDescription(
    `${counts.active.toLocaleString("en-US")} ${counts.active === 1 ? "contact" : "contacts"}`,
  );
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
export async function columnIndex(page: Page, header: string) {
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
  const nameCell = row.getByRole("cell").nth(nameAt);
  const name = (await nameCell.getByRole("link").textContent())?.trim() ?? "";
  expect(name, "the row has a name").not.toBe("");
  const href = (await nameCell.getByRole("link").getAttribute("href")) ?? "";
  return { name, projects: await readProjects(page, href, row.getByRole("cell").nth(projectsAt)) };
}

/**
 * The project directories the row's Projects cell stands for: the contact's memberships in
 * the tab's status, read from the JSON API (with the page's own session), and checked
 * against the cell, which shows the first of them by name and "+N more".
 */
async function readProjects(page: Page, contactHref: string, cell: Locator): Promise<string[]> {
  const text = (await cell.textContent())?.trim() ?? "";
  const status = new URL(page.url()).pathname.includes("/inactive-contacts") ? "inactive" : "active";
  const response = await page.request.get(`/api/v1${contactHref}`);
  expect(response.status(), `GET /api/v1${contactHref}`).toBe(200);
  const contact = (await response.json()) as { projects: { name: string; status: string }[] };
  const projects = contact.projects.filter((p) => p.status === status).map((p) => p.name);
  if (text === "None") {
    expect(projects, `the Projects cell says None`).toEqual([]);
    return [];
  }
  const more = /\+(\d+) more$/.exec(text);
  expect(projects.length, `Projects cell "${text}" stands for ${JSON.stringify(projects)}`).toBe(
    more ? Number(more[1]) + 1 : 1,
  );
  const first = more ? text.slice(0, more.index).trim() : text;
  expect(projects, `Projects cell "${text}" shows one of the contact's projects first`).toContain(first);
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
  await expect(bulkActions(page)).toHaveAccessibleName(`Bulk Actions, ${names.length} selected`);
}

export type LifecycleItem = "Inactivate" | "Reactivate" | "Remove from Project";

/** The dialog a Bulk Actions or row action item opens. */
export function lifecycleDialog(page: Page, item: LifecycleItem) {
  return page.getByRole("dialog", { name: item === "Remove from Project" ? item : `${item} Contacts` });
}

/** Opens the Bulk Actions menu and chooses its one item; returns the dialog. */
export async function openLifecycleDialog(page: Page, item: LifecycleItem) {
  await bulkActions(page).click();
  await page.getByRole("menuitem", { name: item }).click();
  const dialog = lifecycleDialog(page, item);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Opens a row's own actions menu (its last cell) and chooses an item; returns the dialog. */
export async function openRowActionDialog(page: Page, name: string, item: LifecycleItem) {
  await rowActions(page, name).click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem", { name: "View contact" })).toBeVisible();
  await menu.getByRole("menuitem", { name: item, exact: true }).click();
  const dialog = lifecycleDialog(page, item);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** A row's actions button, in its last cell. */
export function rowActions(page: Page, name: string) {
  return page.getByRole("button", { name: `Actions for ${name}`, exact: true });
}

/** The names listed in an open lifecycle dialog. */
export function chosenList(dialog: Locator) {
  return dialog.getByRole("list", { name: "Chosen contacts" }).getByRole("listitem");
}

/** The text of one cell of a row, by its column header. */
export async function cellText(page: Page, row: Locator, header: string) {
  const at = await columnIndex(page, header);
  return ((await row.getByRole("cell").nth(at).textContent()) ?? "").trim();
}

/**
 * Every visible row's text in one column, top to bottom. Reads all cells at once, so it
 * can be polled while the table re-renders (rows that leave never stall it).
 */
export async function columnTexts(page: Page, header: string) {
  const at = await columnIndex(page, header);
  const width = await contactsTable(page).getByRole("row").first().getByRole("columnheader").count();
  const cells = (await dataRows(page).getByRole("cell").allTextContents()).map((t) => t.trim());
  expect(cells.length % width, "every row has a cell per column").toBe(0);
  return cells.filter((_, i) => i % width === at);
}

// ---------------------------------------------------------------------------------------
// Contacts the tests create.

/**
 * Every contact a test creates has an Employee ID starting with this, so the specs that
 * check the seed's totals can tell the seeded contacts from the ones added during the run.
 */
export const TEST_EMPLOYEE_ID_PREFIX = "E2E-";

export type NewContact = {
  firstName: string;
  lastName: string;
  /** "First Last", as the table, the dialogs and the contact page show it. */
  name: string;
  email: string;
  employeeId: string;
};

/** Random lowercase letters: names stay unique across tests and runs against one database. */
function randomLetters(n: number) {
  return Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

/**
 * A new person with a unique last name. The last name starts mid-alphabet, so these
 * people never reach the top of a name-sorted tab, which other specs read (A→Z, Z→A).
 */
export function newContact(firstName = "Rowan", lastNameStem = "Moss"): NewContact {
  const suffix = randomLetters(6);
  const lastName = `${lastNameStem}${suffix}`;
  return {
    firstName,
    lastName,
    name: `${firstName} ${lastName}`,
    email: `${firstName}.${lastName}@e2e.example.com`.toLowerCase(),
    employeeId: `${TEST_EMPLOYEE_ID_PREFIX}${suffix.toUpperCase()}`,
  };
}

export type ContactField =
  "First name" | "Last name" | "Email" | "Phone" | "Job title" | "Employee ID" | "Classification";

/** A text field of the Add Contact / Edit Contact dialog, by its label. */
export function contactField(dialog: Locator, label: ContactField) {
  return dialog.getByRole("textbox", { name: label, exact: true });
}

/** Types into the Add Contact / Edit Contact dialog's fields (an empty string clears one). */
export async function fillContactForm(dialog: Locator, fields: Partial<Record<ContactField, string>>) {
  for (const [label, value] of Object.entries(fields) as [ContactField, string][]) {
    await contactField(dialog, label).fill(value);
  }
}

/** The fields of a new contact, as the form takes them. */
export function contactFields(contact: NewContact, extra: Partial<Record<ContactField, string>> = {}) {
  return {
    "First name": contact.firstName,
    "Last name": contact.lastName,
    Email: contact.email,
    "Employee ID": contact.employeeId,
    ...extra,
  } satisfies Partial<Record<ContactField, string>>;
}

/** Submits a filled Add Contact dialog and waits until the contact is saved and the dialog closed. */
export async function submitNewContact(page: Page, dialog: Locator, contact: NewContact) {
  await dialog.getByRole("button", { name: "Add Contact", exact: true }).click();
  await expect(toast(page, `Added ${contact.name}.`)).toBeVisible();
  await expect(dialog).toBeHidden();
}

/** Opens Add Contact from a directory's toolbar; returns the dialog. */
export async function openAddContact(page: Page) {
  await page.getByRole("button", { name: "Add Contact", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Add Contact" });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Adds a contact from the directory page that is open (a project's directory puts it on that project). */
export async function addContact(page: Page, contact: NewContact, extra: Partial<Record<ContactField, string>> = {}) {
  const dialog = await openAddContact(page);
  await fillContactForm(dialog, contactFields(contact, extra));
  await submitNewContact(page, dialog, contact);
}

// ---------------------------------------------------------------------------------------
// Projects, crews and contact pages.

/** Opens a project's directory from the Projects page, as a person would. */
export async function openProjectDirectory(page: Page, project: string) {
  await page.goto(PROJECTS_PATH);
  await page.getByRole("main").getByRole("link", { name: project, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(project);
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/directory\/contacts$/);
  await waitForHydration(page);
}

/** The Projects page's table: one row per project, its name the link to the project's directory. */
export function projectsTable(page: Page) {
  return page.getByRole("main").getByRole("table", { name: /^Projects\b/ });
}

/** A project's row on the Projects page. */
export function projectRow(page: Page, name: string) {
  return projectsTable(page)
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name, exact: true }) });
}

/** Opens a project's Crews page from its row on the Projects page. */
export async function openCrews(page: Page, project: string) {
  await page.goto(PROJECTS_PATH);
  await projectRow(page, project).getByRole("link", { name: "Crews", exact: true }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/crews$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(project);
  await expect(
    page.getByRole("navigation", { name: "Project tools" }).getByRole("link", { name: "Crews" }),
  ).toHaveAttribute("aria-current", "page");
  await waitForHydration(page, page.getByRole("textbox", { name: "Crew name" }));
}

/** A crew on the Crews page: a section named by its heading ("Concrete A (3)"). */
export function crewSection(page: Page, crew: string) {
  return page.getByRole("region", { name: new RegExp(`^${escapeRegExp(crew)}\\s*\\(\\d+\\)$`) });
}

/** Creates a crew on the Crews page that is open; returns its section. */
export async function createCrew(page: Page, crew: string) {
  await page.getByRole("textbox", { name: "Crew name" }).fill(crew);
  await page.getByRole("button", { name: "Create Crew" }).click();
  await expect(toast(page, `Created crew ${crew}`)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Crew name" })).toHaveValue("");
  const section = crewSection(page, crew);
  await expect(section.getByRole("heading", { level: 3 })).toHaveText(new RegExp(`^${escapeRegExp(crew)}\\s*\\(0\\)$`));
  await expect(section).toContainText("No workers yet.");
  return section;
}

/** The workers listed on a crew. */
export function crewWorkers(page: Page, crew: string) {
  return crewSection(page, crew)
    .getByRole("list", { name: `Workers on ${crew}` })
    .getByRole("listitem");
}

/** Opens a crew's Add Workers picker; returns the dialog once its first results are in. */
export async function openAddWorkers(page: Page, crew: string) {
  await page.getByRole("button", { name: `Add Workers to ${crew}`, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Add Workers to ${crew}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("searchbox", { name: "Search active contacts" })).toBeFocused();
  await expect(pickerOptions(dialog).first()).toBeVisible();
  return dialog;
}

/** The people a picker dialog offers. */
export function pickerOptions(dialog: Locator) {
  return dialog.getByRole("list", { name: "Active contacts" }).getByRole("checkbox");
}

/** A picker's option for one person (its label also shows job title and company). */
export function pickerOption(dialog: Locator, name: string) {
  return dialog
    .getByRole("list", { name: "Active contacts" })
    .getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(name)}\\b`) });
}

/** What a picker says when its search finds nobody (shown only once the search has answered). */
export function pickerNoMatch(dialog: Locator) {
  return dialog
    .getByRole("list", { name: "Active contacts" })
    .getByRole("status")
    .filter({ hasText: "No active contacts match." });
}

/** Types a picker search (it runs after a pause: wait for what it should show). */
export async function pickerSearch(dialog: Locator, q: string) {
  await dialog.getByRole("searchbox", { name: "Search active contacts" }).fill(q);
}

/** Opens a contact's page from its Name link in a directory table. */
export async function openContactPage(page: Page, name: string) {
  await rowFor(page, name).getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(/\/companies\/[0-9a-f-]{36}\/contacts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await waitForHydration(page, page.getByRole("button", { name: "Edit Contact" }));
}

/** On a contact page: the value the Details list shows for a label. */
export function contactDetail(page: Page, label: string) {
  return page
    .getByRole("region", { name: "Details" })
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

/** On a contact page: the status badge beside the name. */
export function contactStatus(page: Page) {
  return page.getByRole("heading", { level: 1 }).locator("xpath=following-sibling::p[1]");
}

/** On a contact page: the Projects table's row for a project. */
export function contactProjectRow(page: Page, project: string) {
  return page
    .getByRole("region", { name: "Projects" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: project, exact: true }) });
}

// ---------------------------------------------------------------------------------------
// CSV exports.

/** Parses CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The header row every contacts export starts with. */
export const CSV_COLUMNS = [
  "Contact ID",
  "First name",
  "Last name",
  "Email",
  "Phone",
  "Job title",
  "Company",
  "Employee ID",
  "Classification",
  "Employee of our company",
  "Created from",
  "Status",
  "Projects",
  "Added",
  "Inactivated",
];

/** Downloads an export as the browser would (same cookies); checks it is CSV with a BOM. */
export async function fetchCsv(page: Page, href: string) {
  const response = await page.request.get(href);
  expect(response.status(), `GET ${href}`).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(
    /^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''[^\s;"]+\.csv$/,
  );
  const body = await response.body();
  expect([...body.subarray(0, 3)], "the file starts with a UTF-8 byte-order mark").toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(body.subarray(3).toString("utf8"));
  expect(rows[0], "the header row").toEqual(CSV_COLUMNS);
  /** Data rows as objects keyed by the header. */
  const records = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, r[i] ?? ""])));
  return { response, body, rows, records };
}

/** How many contacts, on either tab, were created by tests in this run (see TEST_EMPLOYEE_ID_PREFIX). */
export async function contactsCreatedByTests(page: Page) {
  let n = 0;
  for (const path of [CONTACTS_PATH, INACTIVE_PATH]) {
    const { records } = await fetchCsv(page, `${path}/export?q=${encodeURIComponent(TEST_EMPLOYEE_ID_PREFIX)}`);
    n += records.filter((r) => r["Employee ID"]!.startsWith(TEST_EMPLOYEE_ID_PREFIX)).length;
  }
  return n;
}

/** A company picker (a combobox the server fills as one types): chooses the company with this exact name. */
export async function pickCompany(page: Page, combobox: Locator, name: string) {
  await combobox.fill(name);
  const option = page.getByRole("listbox", { name: "Company" }).getByRole("option", { name, exact: true });
  await option.click();
  await expect(combobox).toHaveValue(name);
}

/** The names a company picker offers for what is typed (the "none" option left out). */
export async function companyOptions(page: Page, combobox: Locator, typed: string) {
  await combobox.fill(typed);
  const list = page.getByRole("listbox", { name: "Company" });
  await expect(list.locator("..").getByText("Searching…")).toHaveCount(0);
  return (await list.getByRole("option").allTextContents()).map((t) => t.trim());
}
