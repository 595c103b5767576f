import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import {
  COMPANY_PATH,
  CONTACTS_PATH,
  INACTIVE_PATH,
  bulkActions,
  dataRows,
  expectTabCounts,
  openDirectory,
  openLifecycleDialog,
  readRows,
  rowFor,
  selectContacts,
  snap,
  tabCounts,
  toast,
} from "./support";

const HISTORY_PATH = `${COMPANY_PATH}/history`;
const REASON = "Back for the phase 2 pour";

test("a reactivation with a reason shows in the Change History, and Undo from the toast puts everything back", async ({
  page,
  context,
}, testInfo) => {
  await openDirectory(page, INACTIVE_PATH);
  const counts = await tabCounts(page);
  // The last row of the first page: the other specs work from the top and the bottom of the alphabet.
  const rows = await readRows(page, await dataRows(page).count());
  const person = rows.at(-1)!;

  await selectContacts(page, [person.name]);
  const dialog = await openLifecycleDialog(page, "Reactivate");
  const reason = dialog.getByRole("textbox", { name: "Reason" });
  await expect(reason).toHaveAccessibleDescription("Optional. Kept in the change history with your name.");
  await reason.fill(REASON);
  await snap(page, testInfo, "reactivate-dialog-with-reason");
  await dialog.getByRole("button", { name: "Reactivate", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page, /^Reactivated 1 contact/)).toBeVisible();
  const undo = page.getByRole("region", { name: /Notifications/ }).getByRole("button", { name: "Undo" });
  await expect(undo).toBeVisible();
  await snap(page, testInfo, "toast-with-undo");
  await expect(rowFor(page, person.name)).toHaveCount(0);
  await expectTabCounts(page, { active: counts.active + 1, inactive: counts.inactive - 1 });

  // The Change History, in another tab, while the toast waits.
  const history = await context.newPage();
  await history.goto(HISTORY_PATH);
  await expect(history.getByRole("heading", { name: "Change History" })).toBeVisible();
  const entry = history.getByRole("row").filter({ hasText: person.name }).first();
  await expect(entry).toContainText("Reactivated");
  await expect(entry).toContainText(REASON);
  await expect(entry).toContainText("Alex Admin");
  for (const project of person.projects) await expect(entry).toContainText(project);
  await snap(history, testInfo, "change-history");

  await undo.click();
  await expect(toast(page, "Undone: 1 contact is back as they were")).toBeVisible();
  await expect(rowFor(page, person.name)).toHaveCount(1);
  await expectTabCounts(page, counts);
  await snap(page, testInfo, "after-undo");

  // The history now shows the undo on top, and filters by action.
  await history.reload();
  await expect(history.getByRole("row").filter({ hasText: person.name }).first()).toContainText("Undone");
  await history.getByRole("combobox", { name: "Action" }).selectOption({ label: "Reactivated" });
  await history.getByRole("button", { name: "Apply filters" }).click();
  await expect(history).toHaveURL(/action=contact\.reactivated/);
  await expect(history.getByRole("row").filter({ hasText: person.name }).first()).toContainText(REASON);
  await expect(history.getByRole("cell", { name: "Undone", exact: true })).toHaveCount(0);
  const axe = await new AxeBuilder({ page: history }).analyze();
  expect(axe.violations).toEqual([]);

  // And the contact's own timeline tells the same story, newest first.
  await history.getByRole("link", { name: person.name }).first().click();
  const timeline = history.getByRole("list", { name: "History" });
  await expect(timeline.getByRole("listitem").nth(0)).toContainText("Undone");
  await expect(timeline.getByRole("listitem").nth(1)).toContainText("Reactivated");
  await expect(timeline.getByRole("listitem").nth(1)).toContainText(REASON);
  await snap(history, testInfo, "contact-timeline");
  await history.close();
});

test("the Change History exports its filtered rows as CSV", async ({ page }) => {
  await page.goto(`${HISTORY_PATH}?action=batch.undone`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^change-history-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const lines = text
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe("When (UTC),Record,Name,Action,Change,By,By (email),By (user ID),Reason,Batch,Record ID");
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toContain(",Undone,");
});

test("Select all N matching contacts acts on every match of the search, and one Undo takes it all back", async ({
  page,
}, testInfo) => {
  await openDirectory(page, `${CONTACTS_PATH}?q=er&perPage=25`);
  const counts = await tabCounts(page);
  const caption = await page
    .getByText(/^\d+–\d+ of [\d,]+$/)
    .first()
    .textContent();
  const matching = Number(caption!.split(" of ")[1]!.replace(/,/g, ""));
  expect(matching).toBeGreaterThan(25);

  await page.getByRole("checkbox", { name: "Select all" }).check();
  await expect(page.getByText("All 25 contacts on this page are selected.")).toBeVisible();
  await page.getByRole("button", { name: `Select all ${matching.toLocaleString("en-US")} matching contacts` }).click();
  await expect(page.getByText(`All ${matching.toLocaleString("en-US")} matching contacts are selected.`)).toBeVisible();
  await expect(bulkActions(page)).toHaveAccessibleName(`Bulk Actions, ${matching.toLocaleString("en-US")} selected`);
  await snap(page, testInfo, "all-matching-selected");

  const dialog = await openLifecycleDialog(page, "Inactivate");
  await expect(dialog).toContainText(
    `All ${matching} contacts matching the search and filters will move to Inactive Contacts`,
  );
  await dialog.getByRole("textbox", { name: "Reason" }).fill("Site shut for winter");
  await snap(page, testInfo, "inactivate-all-matching-dialog");
  await dialog.getByRole("button", { name: "Inactivate", exact: true }).click();
  await expect(toast(page, new RegExp(`^Inactivated ${matching} contacts`))).toBeVisible();
  await expectTabCounts(page, { active: counts.active - matching, inactive: counts.inactive + matching });

  await page
    .getByRole("region", { name: /Notifications/ })
    .getByRole("button", { name: "Undo" })
    .click();
  await expect(toast(page, `Undone: ${matching} contacts are back as they were`)).toBeVisible();
  await expectTabCounts(page, counts);
});

test("Undo stays in the Change History after the toast is gone, and leaves once the change is undone", async ({
  page,
}, testInfo) => {
  await openDirectory(page, CONTACTS_PATH);
  const counts = await tabCounts(page);
  // The second row of the first page: the other specs work from the first and the last.
  const [, person] = await readRows(page, 2);
  await selectContacts(page, [person!.name]);
  const dialog = await openLifecycleDialog(page, "Inactivate");
  await dialog.getByRole("textbox", { name: "Reason" }).fill("Left for another job");
  await dialog.getByRole("button", { name: "Inactivate", exact: true }).click();
  await expect(toast(page, /^Inactivated 1 contact/)).toBeVisible();

  await page.goto(HISTORY_PATH);
  const entry = page.getByRole("row").filter({ hasText: person!.name }).first();
  await expect(entry).toContainText("Left for another job");
  const undo = entry.getByRole("button", { name: /^Undo the change of .* by Alex Admin$/ });
  await expect(undo).toBeVisible();
  await snap(page, testInfo, "change-history-with-undo");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
  await undo.click();
  await expect(toast(page, "Undone: 1 contact is back as they were")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: person!.name }).first()).toContainText("Undone");
  // An undone change offers no second Undo.
  await expect(
    page.getByRole("row").filter({ hasText: "Left for another job" }).getByRole("button", { name: /^Undo/ }),
  ).toHaveCount(0);

  await openDirectory(page, CONTACTS_PATH);
  await expect(rowFor(page, person!.name)).toHaveCount(1);
  await expectTabCounts(page, counts);
});
