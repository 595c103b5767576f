import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { COMPANY_ID, COMPANY_PATH, CONTACTS_PATH, TEST_EMPLOYEE_ID_PREFIX, toast, waitForHydration } from "./support";

// The Contacts tab's "Duplicates (N)" link reads a kept count (src/server/db/read-kept-count.ts);
// after a change the next view counts again, so its number matches the Duplicates list.

async function linkCount(page: Page): Promise<number> {
  await page.goto(CONTACTS_PATH);
  const link = page.getByRole("link", { name: /^Duplicates \([\d,]+\)$/ });
  await expect(link).toBeVisible();
  return Number((await link.innerText()).replace(/\D/g, ""));
}

async function groupsListed(page: Page): Promise<number> {
  const response = await page.request.get(`/api/v1/companies/${COMPANY_ID}/contacts/duplicates?perPage=1`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

test("the Duplicates link's number follows an import of a duplicate pair and its undo", async ({ page }) => {
  const before = await linkCount(page);
  expect(before).toBe(await groupsListed(page));

  const stamp = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
  const csv = [
    "First name,Last name,Phone,Employee ID",
    `Odalys,Pemberton${stamp},817-555-0142,${TEST_EMPLOYEE_ID_PREFIX}OP1${stamp}`,
    `odalys,PEMBERTON${stamp.toUpperCase()},(817) 555 0142,${TEST_EMPLOYEE_ID_PREFIX}OP2${stamp}`,
  ].join("\n");
  await page.goto(`${COMPANY_PATH}/directory/import`);
  await waitForHydration(page, page.getByLabel("Spreadsheet file"));
  await page
    .getByLabel("Spreadsheet file")
    .setInputFiles({ name: "pair.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.getByRole("button", { name: "Continue to Review" }).click();
  await page.getByRole("button", { name: /^Import 2/ }).click();
  const undo = page.getByRole("button", { name: "Undo import" });
  await expect(undo).toBeVisible();
  const importPage = page.url();

  expect(await linkCount(page)).toBe(before + 1);
  expect(await groupsListed(page)).toBe(before + 1);

  // Undo the import (its contacts are discarded, shown nowhere), leaving the demo data as it was.
  await page.goto(importPage);
  await waitForHydration(page, undo);
  await undo.click();
  await expect(toast(page, "Undone: the import is taken back")).toBeVisible();

  expect(await linkCount(page)).toBe(before);
  expect(await groupsListed(page)).toBe(before);
});
