import { expect, test } from "./fixtures";
import {
  CONTACTS_PATH,
  INACTIVE_PATH,
  chosenList,
  contactDetail,
  contactFields,
  contactProjectRow,
  contactStatus,
  createCrew,
  crewSection,
  crewWorkers,
  dataRows,
  expectTabCounts,
  fetchCsv,
  fillContactForm,
  newContact,
  openAddWorkers,
  openContactPage,
  openCrews,
  openDirectory,
  openLifecycleDialog,
  openRowActionDialog,
  pickerNoMatch,
  pickerOption,
  pickerSearch,
  readRow,
  rowFor,
  search,
  selectContacts,
  snap,
  submitNewContact,
  tab,
  tabCounts,
  toast,
  waitForHydration,
} from "./support";

const PROJECT = "Cedar Park Apartments";

// The flow: a worker created on the spot from a crew is one contact record, seen
// in the company directory, the project's directory and its own page, and its lifecycle
// (inactivate, reactivate, remove from the project) shows everywhere.
test("a worker created from a crew is one contact across the crew, the directories, its page and the export", async ({
  page,
}, testInfo) => {
  test.slow();
  const suffix = newContact().employeeId.slice(-6).toLowerCase();
  const crew = `Framing crew ${suffix}`;
  const worker = newContact("Dana", "Pike");

  // Create a crew on the project.
  await openCrews(page, PROJECT);
  await createCrew(page, crew);

  // New Worker: the Add Contact form, from the crew.
  await page.getByRole("button", { name: `New Worker on ${crew}`, exact: true }).click();
  const form = page.getByRole("dialog", { name: "Add Contact" });
  await expect(form).toBeVisible();
  await expect(form).toContainText("The new worker joins this crew and the project's directory.");
  await fillContactForm(form, contactFields(worker, { "Job title": "Framer", Phone: "(555) 010-2030" }));
  await snap(page, testInfo, "new-worker-form");
  await submitNewContact(page, form, worker);
  await expect(page.getByRole("button", { name: `New Worker on ${crew}`, exact: true })).toBeFocused();

  await expect(crewWorkers(page, crew)).toHaveCount(1);
  await expect(crewWorkers(page, crew).first()).toContainText(worker.name);
  await expect(crewWorkers(page, crew).first()).toContainText("Framer");
  await expect(crewWorkers(page, crew).first()).not.toContainText("Inactive");
  await expect(crewSection(page, crew).getByRole("heading", { level: 3 })).toContainText("(1)");

  // While active, the crew's picker offers the worker.
  let picker = await openAddWorkers(page, crew);
  await pickerSearch(picker, worker.name);
  await expect(pickerOption(picker, worker.name)).toBeVisible();
  await expect(picker.getByRole("button", { name: "Add", exact: true })).toBeDisabled();
  await picker.getByRole("button", { name: "Cancel" }).click();
  await expect(picker).toBeHidden();
  await expect(page.getByRole("button", { name: `Add Workers to ${crew}`, exact: true })).toBeFocused();
  await snap(page, testInfo, "crew-with-worker");

  // In the company directory's Contacts tab, on this project.
  await openDirectory(page, CONTACTS_PATH);
  await search(page, worker.name);
  await expect(dataRows(page)).toHaveCount(1);
  expect(await readRow(page, rowFor(page, worker.name))).toEqual({ name: worker.name, projects: [PROJECT] });

  // In the project's directory.
  await openCrews(page, PROJECT);
  await page.getByRole("navigation", { name: "Project tools" }).getByRole("link", { name: "Directory" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/directory\/contacts$/);
  await waitForHydration(page);
  await search(page, worker.name);
  await expect(rowFor(page, worker.name)).toHaveCount(1);
  await snap(page, testInfo, "project-directory-worker");

  // Its page: created from Crews on this project.
  await openContactPage(page, worker.name);
  await expect(contactStatus(page)).toHaveText("Active");
  await expect(contactDetail(page, "Created from")).toHaveText(`Crews on ${PROJECT}`);
  await expect(contactDetail(page, "Email")).toHaveText(worker.email);
  await expect(contactDetail(page, "Employee ID")).toHaveText(worker.employeeId);
  await expect(contactDetail(page, "Job title")).toHaveText("Framer");
  await expect(contactProjectRow(page, PROJECT)).toContainText("Active");
  await snap(page, testInfo, "contact-page-active");
  const contactUrl = page.url();

  // Inactivate it from its page.
  await page.getByRole("button", { name: "Inactivate", exact: true }).click();
  const inactivate = page.getByRole("dialog", { name: "Inactivate Contacts" });
  await expect(inactivate).toBeVisible();
  await expect(chosenList(inactivate)).toHaveCount(1);
  await expect(chosenList(inactivate)).toContainText(worker.name);
  await expect(inactivate.getByText(/will move to Inactive Contacts/)).toHaveText(
    "1 contact will move to Inactive Contacts and leave 1 project directory. They will no longer appear in project tools.",
  );
  await inactivate.getByRole("button", { name: "Inactivate", exact: true }).click();
  await expect(inactivate).toBeHidden();
  await expect(toast(page, "Inactivated 1 contact — off 1 project directory")).toBeVisible();
  await expect(contactStatus(page)).toHaveText("Inactive");
  await expect(page.getByRole("button", { name: "Reactivate", exact: true })).toBeFocused();
  await expect(page.getByRole("button", { name: "Inactivate", exact: true })).toHaveCount(0);
  await expect(contactProjectRow(page, PROJECT)).toContainText("Inactive");
  await expect(contactDetail(page, "Inactivated")).not.toHaveText("—");
  await snap(page, testInfo, "contact-page-inactive");

  // The crew's picker no longer offers it; the crew still lists it, marked Inactive.
  await openCrews(page, PROJECT);
  picker = await openAddWorkers(page, crew);
  await pickerSearch(picker, worker.name);
  await expect(pickerNoMatch(picker)).toBeVisible();
  await expect(pickerOption(picker, worker.name)).toHaveCount(0);
  await snap(page, testInfo, "picker-inactive-not-offered");
  await page.keyboard.press("Escape");
  await expect(picker).toBeHidden();
  await expect(crewWorkers(page, crew)).toHaveCount(1);
  await expect(crewWorkers(page, crew).first()).toContainText(worker.name);
  await expect(crewWorkers(page, crew).first().getByText("Inactive", { exact: true })).toBeVisible();
  await snap(page, testInfo, "crew-worker-inactive");

  // Reactivate it with its row's action on the company Inactive Contacts tab.
  await openDirectory(page, INACTIVE_PATH);
  const beforeReactivate = await tabCounts(page);
  await search(page, worker.name);
  const reactivate = await openRowActionDialog(page, worker.name, "Reactivate");
  await expect(chosenList(reactivate)).toHaveCount(1);
  await expect(reactivate.getByText(/will move to the Contacts tab/)).toHaveText(
    "1 contact will move to the Contacts tab and return to 1 project directory.",
  );
  await snap(page, testInfo, "row-action-reactivate-dialog");
  await reactivate.getByRole("button", { name: "Reactivate", exact: true }).click();
  await expect(reactivate).toBeHidden();
  await expect(toast(page, "Reactivated 1 contact — back on 1 project directory")).toBeVisible();
  await expect(rowFor(page, worker.name)).toHaveCount(0);
  await expectTabCounts(page, { active: beforeReactivate.active + 1, inactive: beforeReactivate.inactive - 1 });

  // Remove it from the project: the project's directory, Bulk Actions → Remove from Project.
  await openCrews(page, PROJECT);
  await expect(crewWorkers(page, crew).first()).not.toContainText("Inactive");
  await page.getByRole("navigation", { name: "Project tools" }).getByRole("link", { name: "Directory" }).click();
  await expect(tab(page, "Contacts")).toHaveAttribute("aria-current", "page");
  await waitForHydration(page);
  const beforeRemove = await tabCounts(page);
  await search(page, worker.name);
  await selectContacts(page, [worker.name]);
  const remove = await openLifecycleDialog(page, "Remove from Project");
  await expect(chosenList(remove)).toHaveCount(1);
  await expect(remove).toContainText(
    "1 contact will leave this project's directory and its crews. They stay in the company directory, and the project keeps their history.",
  );
  await snap(page, testInfo, "remove-from-project-dialog");
  await remove.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(remove).toBeHidden();
  await expect(toast(page, "Removed 1 contact from the project")).toBeVisible();
  await expect(rowFor(page, worker.name)).toHaveCount(0);
  await expectTabCounts(page, { active: beforeRemove.active - 1, inactive: beforeRemove.inactive });

  // Off the project's crews too.
  await page.getByRole("navigation", { name: "Project tools" }).getByRole("link", { name: "Crews" }).click();
  await expect(crewSection(page, crew)).toContainText("No workers yet.");

  // Its page keeps the project's history: Removed.
  await page.goto(contactUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(worker.name);
  await expect(contactStatus(page)).toHaveText("Active");
  await expect(contactProjectRow(page, PROJECT)).toContainText("Removed");
  await snap(page, testInfo, "contact-page-removed");

  // Export the company Contacts tab, searched for it.
  await openDirectory(page, `${CONTACTS_PATH}?q=${encodeURIComponent(worker.name)}`);
  await expect(rowFor(page, worker.name)).toHaveCount(1);
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toBe(`${CONTACTS_PATH}/export?q=${worker.name.replace(" ", "+")}`);
  const { records } = await fetchCsv(page, href!);
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({
    "First name": worker.firstName,
    "Last name": worker.lastName,
    Email: worker.email,
    Phone: "(555) 010-2030",
    "Job title": "Framer",
    "Employee ID": worker.employeeId,
    "Employee of our company": "No",
    "Created from": "Crews",
    Status: "Active",
    Projects: "",
    Inactivated: "",
  });
  expect(records[0]!.Added).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test("a crew needs a name, unique on its project; the message sits beside the field", async ({ page }, testInfo) => {
  const crew = `Rebar crew ${newContact().employeeId.slice(-6).toLowerCase()}`;
  await openCrews(page, PROJECT);
  const name = page.getByRole("textbox", { name: "Crew name" });

  await name.fill("   ");
  await page.getByRole("button", { name: "Create Crew" }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription("Enter a crew name.");
  await snap(page, testInfo, "crew-name-required");

  await createCrew(page, crew);
  await expect(name).not.toHaveAttribute("aria-invalid");

  await name.fill(crew);
  await page.getByRole("button", { name: "Create Crew" }).click();
  await expect(name).toHaveAccessibleDescription(`This project already has a crew named "${crew}".`);
  await expect(name).toHaveValue(crew);
  await expect(page.getByRole("heading", { level: 3, name: crew })).toHaveCount(1);
  await snap(page, testInfo, "crew-name-taken");
});
