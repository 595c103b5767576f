import { expect, test } from "./fixtures";
import type { Locator, Page } from "@playwright/test";
import {
  CONTACTS_PATH,
  addContact,
  cellText,
  contactDetail,
  contactField,
  contactFields,
  contactProjectRow,
  dataRows,
  expectTabCounts,
  fillContactForm,
  newContact,
  openAddContact,
  openContactPage,
  openDirectory,
  openProjectDirectory,
  readRow,
  rowFor,
  search,
  snap,
  submitNewContact,
  tabCounts,
  toast,
} from "./support";

const PROJECT = "Riverside Elementary Addition";

/** The error message shown beside a field: the field's accessible description. */
async function expectFieldError(field: Locator, message: string) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(message);
}

async function expectFieldValid(field: Locator) {
  await expect(field).not.toHaveAttribute("aria-invalid");
  await expect(field).toHaveAccessibleDescription("");
}

/** The Company picker of the Add Contact form; picks the first company it offers and returns that company's name. */
async function chooseFirstCompany(dialog: Locator) {
  const picker = dialog.getByRole("combobox", { name: "Company", exact: true });
  await expect(picker).toHaveValue("");
  await picker.click();
  const option = dialog.page().getByRole("listbox", { name: "Company" }).getByRole("option").nth(1);
  const name = ((await option.textContent()) ?? "").trim();
  expect(name).not.toBe("");
  await option.click();
  await expect(picker).toHaveValue(name);
  return name;
}

async function searchCompanyContacts(page: Page, name: string) {
  await openDirectory(page, CONTACTS_PATH);
  await search(page, name);
}

test.describe("Add and edit contacts", () => {
  test("bad fields get a message beside them and keep what was typed; fixed, the contact is added", async ({
    page,
  }, testInfo) => {
    const contact = newContact("Avery", "Lund");
    await openDirectory(page, CONTACTS_PATH);
    const before = await tabCounts(page);

    const dialog = await openAddContact(page);
    await expect(contactField(dialog, "First name")).toBeFocused();
    await fillContactForm(dialog, {
      Email: "avery.lund@",
      "Job title": "Site Engineer",
      Phone: "(555) 123-4567",
      "Employee ID": contact.employeeId,
    });
    const company = await chooseFirstCompany(dialog);
    await dialog.getByRole("checkbox", { name: "Employee of our company" }).check();
    await dialog.getByRole("button", { name: "Add Contact", exact: true }).click();

    await expect(dialog.getByRole("alert")).toHaveText("Check the highlighted fields.");
    await expectFieldError(contactField(dialog, "First name"), "Enter a first name.");
    await expectFieldError(contactField(dialog, "Last name"), "Enter a last name.");
    await expectFieldError(contactField(dialog, "Email"), "Enter an email address like name@example.com.");
    // The message sits right under its field.
    const emailBox = (await contactField(dialog, "Email").boundingBox())!;
    const emailError = (await dialog.getByText("Enter an email address like name@example.com.").boundingBox())!;
    expect(emailError.y).toBeGreaterThanOrEqual(emailBox.y + emailBox.height);
    expect(emailError.y).toBeLessThan(emailBox.y + emailBox.height + 40);
    expect(Math.abs(emailError.x - emailBox.x)).toBeLessThan(4);
    for (const label of ["Phone", "Job title", "Employee ID", "Classification"] as const)
      await expectFieldValid(contactField(dialog, label));
    // Nothing typed is lost.
    await expect(contactField(dialog, "Email")).toHaveValue("avery.lund@");
    await expect(contactField(dialog, "Job title")).toHaveValue("Site Engineer");
    await expect(contactField(dialog, "Phone")).toHaveValue("(555) 123-4567");
    await expect(contactField(dialog, "Employee ID")).toHaveValue(contact.employeeId);
    await expect(dialog.getByRole("combobox", { name: "Company", exact: true })).toHaveValue(company);
    await expect(dialog.getByRole("checkbox", { name: "Employee of our company" })).toBeChecked();
    await snap(page, testInfo, "add-contact-errors");

    // A phone number with letters is refused too, beside the phone field.
    await fillContactForm(dialog, {
      "First name": contact.firstName,
      "Last name": contact.lastName,
      Email: contact.email,
      Phone: "call me",
    });
    await dialog.getByRole("button", { name: "Add Contact", exact: true }).click();
    await expectFieldError(contactField(dialog, "Phone"), "Use digits, spaces and + ( ) - only, like (555) 123-4567.");
    await expectFieldValid(contactField(dialog, "First name"));
    await expectFieldValid(contactField(dialog, "Email"));
    await expect(contactField(dialog, "First name")).toHaveValue(contact.firstName);
    await snap(page, testInfo, "add-contact-phone-error");

    await fillContactForm(dialog, { Phone: "(555) 123-4567" });
    await submitNewContact(page, dialog, contact);
    // Focus goes back to the button that opened the dialog.
    await expect(page.getByRole("button", { name: "Add Contact", exact: true })).toBeFocused();
    await expectTabCounts(page, { active: before.active + 1, inactive: before.inactive });

    await search(page, contact.name);
    const row = rowFor(page, contact.name);
    await expect(row).toHaveCount(1);
    expect(await cellText(page, row, "Company")).toBe(company);
    expect(await cellText(page, row, "Job title")).toBe("Site Engineer");
    expect(await cellText(page, row, "Email")).toBe(contact.email);
    expect(await cellText(page, row, "Phone")).toBe("(555) 123-4567");
    expect(await readRow(page, row)).toEqual({ name: contact.name, projects: [] });
    await snap(page, testInfo, "added-contact-row");

    await openContactPage(page, contact.name);
    await expect(contactDetail(page, "Created from")).toHaveText("Directory");
    await expect(contactDetail(page, "Employee of our company")).toHaveText("Yes");
    await expect(contactDetail(page, "Company")).toHaveText(company);
    await expect(page.getByRole("region", { name: "Projects" })).toContainText("Not on any project directory.");
  });

  test("the same name and email again warns of a duplicate; Create anyway adds a second contact", async ({
    page,
  }, testInfo) => {
    const contact = newContact("Jordan", "Kerr");
    await openDirectory(page, CONTACTS_PATH);
    const before = await tabCounts(page);
    await addContact(page, contact);

    // Same person, typed differently: names and email compare without case.
    const dialog = await openAddContact(page);
    await fillContactForm(
      dialog,
      contactFields(contact, { "Last name": contact.lastName.toUpperCase(), Email: contact.email.toUpperCase() }),
    );
    await dialog.getByRole("button", { name: "Add Contact", exact: true }).click();
    const warning = dialog.getByRole("alert");
    await expect(warning).toContainText("A contact with this name and email already exists. Create another anyway?");
    await expect(warning.getByRole("listitem")).toHaveCount(1);
    await expect(warning.getByRole("link", { name: contact.name, exact: true })).toHaveAttribute(
      "href",
      /\/contacts\/[0-9a-f-]{36}$/,
    );
    await expect(warning).toContainText(contact.email);
    await expect(dialog.getByRole("button", { name: "Add Contact", exact: true })).toHaveCount(0);
    const createAnyway = dialog.getByRole("button", { name: "Create anyway" });
    await expect(createAnyway).toBeVisible();
    await expect(contactField(dialog, "Last name")).toHaveValue(contact.lastName.toUpperCase());
    await snap(page, testInfo, "duplicate-warning");

    await createAnyway.click();
    await expect(toast(page, `Added ${contact.firstName} ${contact.lastName.toUpperCase()}.`)).toBeVisible();
    await expect(dialog).toBeHidden();
    // Two in all: the warning itself created nothing.
    await expectTabCounts(page, { active: before.active + 2, inactive: before.inactive });
    await search(page, contact.name);
    await expect(dataRows(page)).toHaveCount(2);
    await expect(rowFor(page, contact.name)).toHaveCount(1);
    await expect(rowFor(page, `${contact.firstName} ${contact.lastName.toUpperCase()}`)).toHaveCount(1);
    await snap(page, testInfo, "duplicates-created");
  });

  test("Edit Contact changes the job title everywhere: its page, the company directory and its project", async ({
    page,
  }, testInfo) => {
    const contact = newContact("Casey", "Ortiz");
    // Added on a project's directory, so it is on that project.
    await openProjectDirectory(page, PROJECT);
    const before = await tabCounts(page);
    const dialog = await openAddContact(page);
    await expect(dialog).toContainText("The new contact joins this project's directory.");
    await fillContactForm(dialog, contactFields(contact, { "Job title": "Laborer" }));
    await submitNewContact(page, dialog, contact);
    await expectTabCounts(page, { active: before.active + 1, inactive: before.inactive });
    await search(page, contact.name);
    await expect(rowFor(page, contact.name)).toHaveCount(1);
    const projectUrl = page.url();

    await openContactPage(page, contact.name);
    await expect(contactDetail(page, "Job title")).toHaveText("Laborer");
    await expect(contactDetail(page, "Created from")).toHaveText(`Directory on ${PROJECT}`);
    await expect(contactProjectRow(page, PROJECT)).toContainText("Active");

    await page.getByRole("button", { name: "Edit Contact" }).click();
    const edit = page.getByRole("dialog", { name: "Edit Contact" });
    await expect(edit).toBeVisible();
    // The form starts from the record.
    await expect(contactField(edit, "First name")).toHaveValue(contact.firstName);
    await expect(contactField(edit, "Last name")).toHaveValue(contact.lastName);
    await expect(contactField(edit, "Email")).toHaveValue(contact.email);
    await expect(contactField(edit, "Employee ID")).toHaveValue(contact.employeeId);
    await expect(contactField(edit, "Job title")).toHaveValue("Laborer");
    await fillContactForm(edit, { "Job title": "Foreman" });
    await snap(page, testInfo, "edit-contact");
    await edit.getByRole("button", { name: "Save", exact: true }).click();
    await expect(toast(page, `Saved ${contact.name}.`)).toBeVisible();
    await expect(edit).toBeHidden();
    await expect(contactDetail(page, "Job title")).toHaveText("Foreman");
    await expect(page.getByRole("button", { name: "Edit Contact" })).toBeFocused();
    await snap(page, testInfo, "contact-page-edited");

    await searchCompanyContacts(page, contact.name);
    expect(await cellText(page, rowFor(page, contact.name), "Job title")).toBe("Foreman");

    await page.goto(projectUrl);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PROJECT);
    await expect(rowFor(page, contact.name)).toHaveCount(1);
    expect(await cellText(page, rowFor(page, contact.name), "Job title")).toBe("Foreman");
    await snap(page, testInfo, "project-row-edited");
  });
});
