import { expect, test as setup } from "@playwright/test";
import { signedIn } from "../playwright.config";

const USERS = ["admin", "standard", "readonly", "pm"] as const;

USERS.forEach((user, i) => {
  setup(`sign in as ${user}@rollcall.test`, async ({ browser }) => {
    // Each from its own address: sign-in is rate-limited per client, 5 a minute.
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `127.0.1.${i + 1}` } });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel("Email").fill(`${user}@rollcall.test`);
    await page.getByLabel("Password").fill("rollcall-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("navigation", { name: "Directory" })).toBeVisible();
    await context.storageState({ path: signedIn(user) });
    await context.close();
  });
});
