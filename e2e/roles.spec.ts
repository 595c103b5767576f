import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signedIn } from "../playwright.config";

// What each demo user sees: tabs, Bulk Actions and edit buttons follow their permissions.
const COMPANY = "/companies/5d1e7c4a-6b0f-4c1e-9a57-2f3b8e9d0a11";
const OTHER_COMPANY = "/companies/8b2f4d61-3c9e-4a7b-b1d2-6e0f9a8c7d52";

test.describe("a read-only user", () => {
  test.use({ storageState: signedIn("readonly") });

  test("sees the Contacts tab only, with no Bulk Actions, Add Contact or row checkboxes", async ({ page }) => {
    await page.goto(`${COMPANY}/directory/contacts`);
    const tabs = page.getByRole("navigation", { name: "Directory" });
    await expect(tabs.getByRole("link", { name: "Contacts", exact: true })).toBeVisible();
    await expect(tabs.getByRole("link", { name: "Inactive Contacts" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Bulk Actions" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add Contact" })).toHaveCount(0);
    await expect(page.getByRole("checkbox", { name: /^Select / })).toHaveCount(0);
    expect((await page.goto(`${COMPANY}/directory/inactive-contacts`))?.status()).toBe(403);
    await expect(page.getByText("You don't have access to Inactive Contacts. Ask a company Admin.")).toBeVisible();
    // The Change History (inactivations and their reasons) is for company admins.
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Change History" }),
    ).toHaveCount(0);
    expect((await page.goto(`${COMPANY}/history`))?.status()).toBe(403);
    await expect(page.getByText("You don't have access to Change History. Ask a company Admin.")).toBeVisible();
    // The refusal is inside the app: its header and navigation are there.
    await expect(page.getByRole("banner")).toContainText("Rollcall");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeAttached();
  });

  test("gets the 404 page for another company, exactly as for one that does not exist", async ({ page }) => {
    const theirs = await page.goto(`${OTHER_COMPANY}/directory/contacts`);
    expect(theirs?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});

test.describe("a standard user", () => {
  test.use({ storageState: signedIn("standard") });

  test("can add and edit contacts but not inactivate them", async ({ page }) => {
    await page.goto(`${COMPANY}/directory/contacts`);
    await expect(page.getByRole("button", { name: "Add Contact" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Bulk Actions" })).toHaveCount(0);
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page.getByRole("button", { name: "Edit Contact" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Inactivate" })).toHaveCount(0);
  });
});

test.describe("a project manager", () => {
  test.use({ storageState: signedIn("pm") });

  test("manages their project's directory but not the company's", async ({ page }) => {
    await page.goto(`${COMPANY}/projects`);
    await page.getByRole("link", { name: "Harbor View Medical Center", exact: true }).click();
    const tabs = page.getByRole("navigation", { name: "Directory" });
    await expect(tabs.getByRole("link", { name: "Inactive Contacts" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Bulk Actions" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add from Directory" })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await page.goto(`${COMPANY}/directory/contacts`);
    await expect(
      page.getByRole("navigation", { name: "Directory" }).getByRole("link", { name: "Inactive Contacts" }),
    ).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Bulk Actions" })).toHaveCount(0);
  });
});

test.describe("an admin", () => {
  test("sees every tab, Bulk Actions and the Users tabs, and can sign out", async ({ page }) => {
    await page.goto(`${COMPANY}/directory/contacts`);
    const tabs = page.getByRole("navigation", { name: "Directory" });
    await expect(tabs.getByRole("link")).toHaveText([
      /^Contacts/,
      /^Inactive Contacts/,
      /^Companies/,
      /^Inactive Companies/,
      /^Users/,
      /^Inactive Users/,
    ]);
    await expect(page.getByRole("button", { name: "Bulk Actions" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
      "Directory",
      "Projects",
      "Change History",
      "API tokens",
    ]);
    await tabs.getByRole("link", { name: "Users", exact: true }).click();
    await expect(page.getByRole("cell", { name: "pm@rollcall.test" })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});

test.describe("signing in", () => {
  test.use({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "x-forwarded-for": "127.0.2.1" } });

  test("a wrong password is refused with one message; the right one opens the page asked for", async ({ page }) => {
    await page.goto(`${COMPANY}/projects`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByLabel("Email").fill("admin@rollcall.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password don't match.")).toBeVisible();
    await page.getByLabel("Password").fill("rollcall-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`${COMPANY}/projects$`));
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto(`${COMPANY}/directory/contacts`);
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
