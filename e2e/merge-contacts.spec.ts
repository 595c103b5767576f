import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { COMPANY_ID, COMPANY_PATH, CONTACTS_PATH, snap, TEST_EMPLOYEE_ID_PREFIX, waitForHydration } from "./support";

/** Reads the JSON API as the signed-in admin. */
async function api<T>(page: Page, path: string) {
  const response = await page.request.get(`/api/v1${path}`);
  expect(response.status(), path).toBe(200);
  return { status: response.status(), body: (await response.json()) as T };
}

function randomLetters() {
  return Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

async function axe(page: Page) {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

test("an admin finds a group, merges it taking one field from the other contact, follows the old URL, and undoes", async ({
  page,
}, testInfo) => {
  // Two records of one welder, brought in by an import: new people of this spec's own, as other specs add theirs.
  const stamp = randomLetters();
  const csv = [
    // The test's employee-ID prefix counts them among the contacts specs created (contactsCreatedByTests).
    "First name,Last name,Email,Phone,Job title,Employee ID",
    `Zébédée,Quartermain${stamp},zq-${stamp}@example.com,817-555-0199,Welder,${TEST_EMPLOYEE_ID_PREFIX}ZQ1${stamp}`,
    `zebedee,QUARTERMAIN${stamp.toUpperCase()},z.q-${stamp}@example.com,(817) 555 0199,Welder foreman,${TEST_EMPLOYEE_ID_PREFIX}ZQ2${stamp}`,
  ].join("\n");
  await page.goto(`${COMPANY_PATH}/directory/import`);
  await waitForHydration(page, page.getByLabel("Spreadsheet file"));
  await page
    .getByLabel("Spreadsheet file")
    .setInputFiles({ name: "dupes.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await page.getByRole("button", { name: "Continue to Review" }).click();
  await page.getByRole("button", { name: /^Import 2/ }).click();
  await expect(page.getByRole("button", { name: "Undo import" })).toBeVisible();

  await page.goto(CONTACTS_PATH);
  await waitForHydration(page);
  await page.getByRole("link", { name: /^Duplicates \(\d+\)$/ }).click();
  await expect(page.getByRole("heading", { name: "Duplicates" })).toBeVisible();
  await page.getByRole("navigation", { name: "Filter by reason" }).getByRole("link", { name: "Same phone" }).click();
  await expect(page).toHaveURL(/reason=same_phone/);
  const group = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(stamp, "i") }) });
  await expect(group.getByRole("heading")).toHaveText(/Same phone and same name/);
  await axe(page);
  await snap(page, testInfo, "duplicates-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  // The page's own content fits (the app header's phone layout is another issue's).
  const overflow = await page.evaluate(() => {
    const main = document.querySelector("main")!;
    return main.scrollWidth - main.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  await snap(page, testInfo, "duplicates-390");
  await page.setViewportSize({ width: 1440, height: 900 });

  await group.getByRole("button", { name: "Merge…" }).click();
  const dialog = page.getByRole("dialog", { name: "Merge Contacts" });
  await expect(dialog).toBeVisible();
  // The kept contact by default (neither is on a project: the older), and the other's job title.
  const keepName = (await dialog
    .getByRole("group", { name: "Contact to keep" })
    .getByRole("radio", { checked: true })
    .getAttribute("value"))!;
  const jobTitle = dialog.getByRole("group", { name: "Job title" });
  const otherTitle = jobTitle.getByRole("radio", { checked: false });
  const otherLabel = (await otherTitle.locator("xpath=..").innerText()).split(" (from ")[0]!;
  await otherTitle.check();
  await expect(dialog.getByText(/: 0 project directories, 0 crew spots and 1 history entry of/)).toBeVisible();
  await axe(page);
  await snap(page, testInfo, "merge-dialog-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, testInfo, "merge-dialog-390");
  await page.setViewportSize({ width: 1440, height: 900 });
  await dialog.getByRole("textbox", { name: /Reason/ }).fill("Same welder");
  await dialog.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(page.getByText(/^Merged 1 contact into/)).toBeVisible();

  const kept = await api<{ data: { id: string; firstName: string; jobTitle: string }[] }>(
    page,
    `/companies/${COMPANY_ID}/contacts?q=${stamp}`,
  );
  expect(kept.body.data.map((c) => [c.id, c.jobTitle])).toEqual([[keepName, otherLabel]]);
  const all = await api<{ data: { id: string; status: string; mergedIntoId: string | null }[] }>(
    page,
    `/companies/${COMPANY_ID}/contacts/duplicates?reason=same_phone`,
  );
  expect(all.body.data.filter((g) => JSON.stringify(g).includes(stamp))).toEqual([]);

  // The merged contact's old address leads to the kept one, whose timeline shows the other's history.
  const history = await api<{ data: { contact: { id: string }; action: string }[] }>(
    page,
    `/companies/${COMPANY_ID}/contacts/${kept.body.data[0]!.id}/history`,
  );
  const oldId = history.body.data.find((e) => e.action === "contact.merged_into")!.contact.id;
  const other = await page.context().newPage();
  await other.goto(`${COMPANY_PATH}/contacts/${oldId}`);
  await expect(other).toHaveURL(new RegExp(`/contacts/${kept.body.data[0]!.id}$`));
  await expect(other.getByText(/^Merged from /).first()).toBeVisible();
  await other.close();

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText(/Undone: 2 contacts are back as they were/)).toBeVisible();
  const back = await api<{ status: string; mergedIntoId: string | null }>(
    page,
    `/companies/${COMPANY_ID}/contacts/${oldId}`,
  );
  expect(back.body).toMatchObject({ status: "active", mergedIntoId: null });
});
