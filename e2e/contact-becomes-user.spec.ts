import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { E2E_SMTP_PORT } from "../playwright.config";
import { startSmtpServer, type TestSmtpServer } from "../tests/helpers/smtp";
import { expect, test } from "./fixtures";
import {
  addContact,
  COMPANY_PATH,
  CONTACTS_PATH,
  newContact,
  openContactPage,
  searchbox,
  snap,
  waitForHydration,
} from "./support";

// A contact is invited to Rollcall from their page, reads the email from a real SMTP
// server this spec runs, follows its link in Chromium and chooses a password; then they
// are on Users, not on Contacts, and their contact page says so, its history kept.

const PASSWORD = "carla's own password 1";
let smtp: TestSmtpServer;
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  smtp = await startSmtpServer(E2E_SMTP_PORT);
});
test.afterAll(async () => {
  await smtp?.close();
});

function onThisServer(link: string, baseURL: string) {
  const url = new URL(link);
  return `${baseURL}${url.pathname}${url.search}`;
}

async function expectNoViolations(page: Page, testInfo: TestInfo, label: string) {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe on ${label}`,
  ).toEqual([]);
}

test("a contact invited from their page accepts by email and is then a user, not a contact", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const person = newContact("Carla", "Nunez");
  await page.goto(`${CONTACTS_PATH}?q=${encodeURIComponent(person.lastName)}`);
  await waitForHydration(page, searchbox(page));
  await addContact(page, person);
  await openContactPage(page, person.name);
  const contactPath = new URL(page.url()).pathname;

  const invite = page.getByRole("button", { name: "Invite to Rollcall" });
  await waitForHydration(page, invite);
  await expect(invite).toBeEnabled();
  await invite.click();
  const dialog = page.getByRole("dialog", { name: "Invite to Rollcall" });
  await expect(dialog).toContainText(person.email);
  await dialog.getByLabel("Company Directory level").selectOption("READ_ONLY");
  await expectNoViolations(page, testInfo, "invite-dialog");
  await snap(page, testInfo, "invite-dialog-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, testInfo, "invite-dialog-390");
  await page.setViewportSize({ width: 1440, height: 900 });
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog).toBeHidden();
  // Invited, not yet a user: the button says why it cannot be pressed again.
  await expect(invite).toBeDisabled();
  await expect(page.getByText(`Invited to Rollcall at ${person.email}`)).toBeVisible();
  await expect(page.getByRole("list", { name: "History" })).toContainText("Invited to Rollcall");

  const mail = await smtp.latest(person.email);
  expect(mail.subject).toBe("You're invited to Summit Ridge Construction on Rollcall");
  const invitee = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await invitee.goto(onThisServer(mail.links[0]!, baseURL!));
  await expect(invitee.getByRole("heading", { name: "Join Summit Ridge Construction" })).toBeVisible();
  await invitee.getByLabel("New password").fill(PASSWORD);
  await invitee.getByLabel("Type it again").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Accept and sign in" }).click();
  await expect(invitee).toHaveURL(new RegExp(`${CONTACTS_PATH}`));
  // The invitation's link is not a reset link either.
  await invitee.goto(`/reset-password?token=${new URL(mail.links[0]!).searchParams.get("token")}`);
  await expect(
    invitee.getByRole("alert").filter({ hasText: "This link is an invitation, not a password reset." }),
  ).toBeVisible();
  await invitee.context().close();

  await page.goto(`${COMPANY_PATH}/directory/users?q=${encodeURIComponent(person.email)}`);
  await waitForHydration(page, page.getByRole("searchbox", { name: "Search users" }));
  const userRow = page.getByRole("row").filter({ hasText: person.email });
  await expect(userRow).toContainText("Active");
  await expect(userRow.getByRole("link", { name: `Contact record of ${person.name}` })).toHaveAttribute(
    "href",
    contactPath,
  );

  await page.goto(`${CONTACTS_PATH}?q=${encodeURIComponent(person.lastName)}`);
  await waitForHydration(page, searchbox(page));
  await expect(page.getByText(person.name)).toHaveCount(0);

  await page.goto(contactPath);
  await expect(page.getByText("Now a Rollcall user")).toBeVisible();
  await expect(page.getByRole("link", { name: `${person.name} (${person.email}) on Users` })).toBeVisible();
  const history = page.getByRole("list", { name: "History" });
  await expect(history).toContainText("Became a Rollcall user");
  await expect(history).toContainText("Invited to Rollcall");
  await expect(page.getByRole("button", { name: "Invite to Rollcall" })).toHaveCount(0);
  await expectNoViolations(page, testInfo, "contact-now-user");
  await snap(page, testInfo, "contact-now-user-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, testInfo, "contact-now-user-390");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
