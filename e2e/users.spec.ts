import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page, TestInfo } from "@playwright/test";
import { E2E_SMTP_PORT } from "../playwright.config";
import { startSmtpServer, type TestSmtpServer } from "../tests/helpers/smtp";
import { expect, test } from "./fixtures";
import { COMPANY_PATH, snap, waitForHydration } from "./support";

// An admin invites a person by email, the person chooses their password from the email's
// link, forgets it and resets it, is inactivated (their open session stops working) and
// reactivated. The app mails through a real SMTP server this spec runs.

const USERS_PATH = `${COMPANY_PATH}/directory/users`;
const INACTIVE_USERS_PATH = `${COMPANY_PATH}/directory/inactive-users`;
const tag = Date.now().toString(36);
const NAME = `Ivy Invitee ${tag}`;
const EMAIL = `ivy-${tag}@example.com`;
const FIRST_PASSWORD = "ivy's first password 1";
const SECOND_PASSWORD = "ivy's second password 2";

let smtp: TestSmtpServer;
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  smtp = await startSmtpServer(E2E_SMTP_PORT);
});
test.afterAll(async () => {
  await smtp?.close();
});

/** The email's link, on the address this run serves the app at. */
function onThisServer(link: string, baseURL: string) {
  const url = new URL(link);
  return `${baseURL}${url.pathname}${url.search}`;
}

async function expectNoViolations(page: Page, testInfo: TestInfo, label: string) {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const results = await new AxeBuilder({ page }).analyze();
  await testInfo.attach(`axe-${label}.json`, { body: JSON.stringify(results.violations, null, 2) });
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe on ${label}`,
  ).toEqual([]);
}

async function openUsers(page: Page, path = USERS_PATH) {
  await page.goto(path);
  await waitForHydration(page, page.getByRole("searchbox", { name: "Search users" }));
}

/** A signed-out browser of its own: the invitee's. */
async function guest(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

test("an admin invites a person by email; they choose their password from the link and sign in", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  await openUsers(page);
  await expectNoViolations(page, testInfo, "users-tab");
  await snap(page, testInfo, "users-tab");
  const addUser = page.getByRole("region", { name: "Add User" });
  await addUser.getByLabel("Name").fill(NAME);
  await addUser.getByLabel("Email").fill(EMAIL);
  await addUser.getByLabel("Company Directory level", { exact: true }).selectOption("STANDARD");
  await addUser.getByRole("button", { name: "Add User" }).click();
  await expect(addUser.getByRole("status")).toHaveText(`We emailed ${NAME} at ${EMAIL}.`);
  const row = page.getByRole("row").filter({ hasText: EMAIL });
  await expect(row).toContainText("Invited");
  await expect(row.getByRole("button", { name: "Resend invitation" })).toBeVisible();

  const mail = await smtp.latest(EMAIL);
  expect(mail.subject).toBe("You're invited to Summit Ridge Construction on Rollcall");
  expect(mail.html).toContain("Accept the invitation");
  const invitee = await guest(browser);
  await invitee.goto(onThisServer(mail.links[0]!, baseURL!));
  await expect(invitee.getByRole("heading", { name: "Join Summit Ridge Construction" })).toBeVisible();
  await expectNoViolations(invitee, testInfo, "accept-invitation");
  await snap(invitee, testInfo, "accept-invitation");
  await invitee.getByLabel("New password").fill(FIRST_PASSWORD);
  await invitee.getByLabel("Type it again").fill(FIRST_PASSWORD);
  await invitee.getByRole("button", { name: "Accept and sign in" }).click();
  await expect(invitee).toHaveURL(new RegExp(`${COMPANY_PATH}/directory/contacts`));
  await expect(invitee.getByRole("searchbox", { name: "Search contacts" })).toBeVisible();
  await invitee.context().close();

  // The link works once.
  const again = await guest(browser);
  await again.goto(onThisServer(mail.links[0]!, baseURL!));
  await expect(again.getByRole("alert").filter({ hasText: "This invitation link can't be used" })).toBeVisible();
  // And the chosen password signs in.
  await again.goto("/sign-in");
  await again.getByLabel("Email").fill(EMAIL);
  await again.getByLabel("Password").fill(FIRST_PASSWORD);
  await again.getByRole("button", { name: "Sign in" }).click();
  await expect(again).not.toHaveURL(/sign-in/);
  await again.context().close();

  await openUsers(page);
  await expect(page.getByRole("row").filter({ hasText: EMAIL })).toContainText("Active");
});

test("Forgot password: the same answer for any address, a link that works once, and other sessions end", async ({
  browser,
  baseURL,
}, testInfo) => {
  const old = await guest(browser);
  await old.goto("/sign-in");
  await old.getByLabel("Email").fill(EMAIL);
  await old.getByLabel("Password").fill(FIRST_PASSWORD);
  await old.getByRole("button", { name: "Sign in" }).click();
  await expect(old).not.toHaveURL(/sign-in/);

  const person = await guest(browser);
  await person.goto("/sign-in");
  await person.getByRole("link", { name: "Forgot password?" }).click();
  await expect(person.getByRole("heading", { name: "Forgot password" })).toBeVisible();
  await expectNoViolations(person, testInfo, "forgot-password");
  await person.getByLabel("Email").fill(`nobody-${tag}@example.com`);
  await person.getByRole("button", { name: "Send the link" }).click();
  const answer = await person.getByRole("status").textContent();
  await person.reload();
  await person.getByLabel("Email").fill(EMAIL);
  await person.getByRole("button", { name: "Send the link" }).click();
  await expect(person.getByRole("status")).toHaveText(answer!);
  await snap(person, testInfo, "forgot-password-sent");

  const mail = await smtp.latest(EMAIL);
  expect(mail.subject).toBe("Reset your Rollcall password");
  expect(smtp.to(`nobody-${tag}@example.com`)).toHaveLength(0);
  await person.goto(onThisServer(mail.links[0]!, baseURL!));
  await expectNoViolations(person, testInfo, "reset-password");
  await person.getByLabel("New password").fill(SECOND_PASSWORD);
  await person.getByLabel("Type it again").fill(SECOND_PASSWORD);
  await person.getByRole("button", { name: "Save the new password" }).click();
  await expect(person.getByRole("status")).toContainText("Your password is changed");

  // The session opened with the old password is over.
  await old.goto(`${COMPANY_PATH}/directory/contacts`);
  await expect(old).toHaveURL(/\/sign-in/);
  // The link works once.
  await person.goto(onThisServer(mail.links[0]!, baseURL!));
  await person.getByLabel("New password").fill("a third password 333");
  await person.getByLabel("Type it again").fill("a third password 333");
  await person.getByRole("button", { name: "Save the new password" }).click();
  await expect(person.getByRole("alert").filter({ hasText: "This reset link can't be used" })).toBeVisible();
  await old.context().close();
  await person.context().close();
});

test("an admin inactivates the user, whose open session is refused, then reactivates them", async ({
  page,
  browser,
}, testInfo) => {
  const user = await guest(browser);
  await user.goto("/sign-in");
  await user.getByLabel("Email").fill(EMAIL);
  await user.getByLabel("Password").fill(SECOND_PASSWORD);
  await user.getByRole("button", { name: "Sign in" }).click();
  await expect(user).not.toHaveURL(/sign-in/);
  expect((await user.goto(`${COMPANY_PATH}/directory/contacts`))?.status()).toBe(200);

  await openUsers(page);
  await page.getByRole("searchbox", { name: "Search users" }).fill(tag);
  await expect(page.getByRole("row").filter({ hasText: EMAIL })).toHaveCount(1);
  await page.getByRole("checkbox", { name: `Select ${NAME}`, exact: true }).check();
  await page.getByRole("button", { name: "Bulk Actions" }).click();
  await page.getByRole("menuitem", { name: "Inactivate" }).click();
  const dialog = page.getByRole("dialog", { name: "Inactivate Users" });
  await expect(dialog.getByRole("button", { name: `Remove ${NAME}` })).toBeVisible();
  await dialog.getByLabel("Reason").fill("Left the company");
  await expectNoViolations(page, testInfo, "inactivate-users-dialog");
  await snap(page, testInfo, "inactivate-users-dialog");
  await dialog.getByRole("button", { name: "Inactivate", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: EMAIL })).toHaveCount(0);

  // Their open session no longer opens the company.
  expect((await user.goto(`${COMPANY_PATH}/directory/contacts`))?.status()).toBe(404);

  await openUsers(page, INACTIVE_USERS_PATH);
  await expectNoViolations(page, testInfo, "inactive-users-tab");
  await snap(page, testInfo, "inactive-users-tab");
  await page.getByRole("checkbox", { name: `Select ${NAME}`, exact: true }).check();
  await page.getByRole("button", { name: "Bulk Actions" }).click();
  await page.getByRole("menuitem", { name: "Reactivate" }).click();
  const reactivate = page.getByRole("dialog", { name: "Reactivate Users" });
  await reactivate.getByRole("button", { name: "Reactivate", exact: true }).click();
  await expect(reactivate).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: EMAIL })).toHaveCount(0);
  expect((await user.goto(`${COMPANY_PATH}/directory/contacts`))?.status()).toBe(200);
  await user.context().close();

  await page.goto(`${COMPANY_PATH}/outbox`);
  await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
  await expectNoViolations(page, testInfo, "outbox");
});

test("the Users tabs and the account pages fit a 390 px phone", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of [USERS_PATH, INACTIVE_USERS_PATH, "/forgot-password", "/sign-in"]) {
    await page.goto(path);
    await snap(page, testInfo, `phone-${path.split("/").pop()}`);
    // The page's content, below the app header (whose phone layout is its own issue): nothing sticks out sideways.
    const overflow = await page
      .locator("main")
      .last()
      .evaluate((main) => main.scrollWidth - main.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});

test("an admin gives a user their own level on one project through the project search, and takes it back", async ({
  page,
}, testInfo) => {
  const PROJECT = "Harbor View Medical Center";
  const USER = "Riley Readonly";
  await openUsers(page);
  const row = page.getByRole("row").filter({ hasText: USER });
  // The page names only the projects a user has their own level on: none yet for Riley.
  await row.getByText("Company level on every project").click();
  const picker = row.getByRole("combobox", { name: `Project for ${USER}`, exact: true });
  await picker.fill("Harbor");
  await page
    .getByRole("listbox", { name: `Project for ${USER}` })
    .getByRole("option", { name: PROJECT })
    .click();
  await expect(picker).toHaveValue(PROJECT);
  await row.getByRole("combobox", { name: `Level on that project for ${USER}` }).selectOption({ label: "Standard" });
  await snap(page, testInfo, "users-project-level-picker");
  await row.getByRole("button", { name: "Set level" }).click();
  await expect(page.getByText("Permission saved")).toBeVisible();
  await expect(row.getByText("Own level on 1 project")).toBeVisible();
  const level = row.getByRole("combobox", { name: `${PROJECT} Directory level for ${USER}` });
  await expect(level).toHaveValue("STANDARD");
  // The API reads the same grant back.
  const users = (await (await page.request.get(`/api/v1${COMPANY_PATH}/users?q=Riley`)).json()) as {
    data: { name: string; projectLevels: { projectId: string; level: string }[] }[];
  };
  expect(users.data.find((u) => u.name === USER)?.projectLevels.map((p) => p.level)).toEqual(["standard"]);
  // "Company level" removes it, and the row says so after the page refreshes.
  await level.selectOption({ label: "Company level" });
  await expect(row.getByText("Company level on every project")).toBeVisible();
});
