import { expect, test as setup } from "@playwright/test";
import { signedIn } from "../playwright.config";

const USERS = ["admin", "standard", "readonly", "pm"] as const;

for (const user of USERS) {
  setup(`sign in as ${user}@rollcall.test`, async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel("Email").fill(`${user}@rollcall.test`);
    await page.getByLabel("Password").fill("rollcall-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("tablist", { name: "Directory" })).toBeVisible();
    await page.context().storageState({ path: signedIn(user) });
  });
}
