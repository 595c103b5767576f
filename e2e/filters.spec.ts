import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import {
  CONTACTS_PATH,
  cellText,
  columnTexts,
  contactsTable,
  dataRows,
  expectSameDocument,
  markDocument,
  openDirectory,
  pickCompany,
  snap,
  urlParam,
  waitForHydration,
} from "./support";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function filters(page: Page) {
  return page.getByRole("group", { name: "Filters" });
}

/** A filter's select: its label is the filter's name, followed by the chosen option. */
function filterSelect(page: Page, name: "Company" | "Project" | "Created from") {
  return filters(page).getByRole("combobox", { name: new RegExp(`^${name}\\b`) });
}

const pagination = (page: Page) => page.getByRole("navigation", { name: "Pagination" });

/** "1–50 of 252" → 252 */
async function total(page: Page) {
  const text =
    (await pagination(page)
      .getByText(/^[\d,]+–[\d,]+ of [\d,]+$/)
      .textContent()) ?? "";
  return Number(/of ([\d,]+)$/.exec(text.trim())![1]!.replaceAll(",", ""));
}

/** The table's rows in order: group headers (a row with only a header cell) and contacts' Company cells. */
async function groupedRows(page: Page) {
  const out: ({ group: string } | { company: string })[] = [];
  for (const row of await contactsTable(page).getByRole("row").all()) {
    if ((await row.getByRole("checkbox", { name: "Select all" }).count()) > 0) continue;
    if ((await row.getByRole("cell").count()) === 0) out.push({ group: ((await row.textContent()) ?? "").trim() });
    else out.push({ company: await cellText(page, row, "Company") });
  }
  return out;
}

function groupHeaders(page: Page) {
  return contactsTable(page)
    .getByRole("row")
    .filter({ hasNot: page.getByRole("cell") })
    .filter({ hasNot: page.getByRole("checkbox", { name: "Select all" }) });
}

test.describe("Filters, grouping and columns", () => {
  test("filtering by Company keeps it in the URL and shows only that company's contacts", async ({
    page,
  }, testInfo) => {
    await openDirectory(page, CONTACTS_PATH);
    await markDocument(page);
    const all = await total(page);
    const select = filterSelect(page, "Company");
    await expect(select).toHaveValue("");
    await expect(filterSelect(page, "Project")).toHaveValue("");
    await expect(filterSelect(page, "Created from")).toHaveValue("");

    // The company of a row on the first page.
    const companies = (await columnTexts(page, "Company")).filter(Boolean);
    expect(companies.length, "some rows on the first page have a company").toBeGreaterThan(0);
    const company = companies[0]!;

    await pickCompany(page, select, company);
    await expect.poll(() => urlParam(page, "vendor"), { message: "the URL carries vendor=<id>" }).toMatch(UUID);
    await expect
      .poll(async () => [...new Set(await columnTexts(page, "Company"))], { message: `every row is at ${company}` })
      .toEqual([company]);
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    const filtered = await total(page);
    expect(filtered).toBeLessThan(all);
    expect(filtered).toBeGreaterThanOrEqual(companies.filter((c) => c === company).length);
    await expect(dataRows(page)).toHaveCount(Math.min(50, filtered));
    await snap(page, testInfo, "filtered-by-company");
    await expectSameDocument(page);

    // The filter is the page's state: a reload shows the same rows.
    const vendor = urlParam(page, "vendor");
    await page.reload();
    await waitForHydration(page);
    expect(urlParam(page, "vendor")).toBe(vendor);
    await expect(filterSelect(page, "Company")).toHaveValue(company);
    expect(await total(page)).toBe(filtered);
    expect(new Set(await columnTexts(page, "Company"))).toEqual(new Set([company]));

    // Combined with Created from: both in the URL; every row still at that company.
    await filterSelect(page, "Created from").selectOption({ label: "Crews" });
    await expect.poll(() => urlParam(page, "origin")).toBe("CREWS");
    expect(urlParam(page, "vendor")).toBe(vendor);
    await expect.poll(() => total(page)).toBeLessThanOrEqual(filtered);
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    for (const text of await columnTexts(page, "Company")) expect(text).toBe(company);
    await snap(page, testInfo, "filtered-by-company-and-origin");

    // All companies again: the filter leaves the URL.
    await filterSelect(page, "Created from").selectOption({ label: "Any tool" });
    await filterSelect(page, "Company").click();
    await page.getByRole("listbox", { name: "Company" }).getByRole("option", { name: "All companies" }).click();
    await expect.poll(() => urlParam(page, "vendor")).toBeNull();
    await expect.poll(() => urlParam(page, "origin")).toBeNull();
    await expect.poll(() => total(page)).toBe(all);
  });

  test("Group by company shows a header row above each company's contacts", async ({ page }, testInfo) => {
    await openDirectory(page, CONTACTS_PATH);
    await markDocument(page);
    await expect(groupHeaders(page)).toHaveCount(0);
    const group = page.getByRole("checkbox", { name: "Group by company" });
    await expect(group).not.toBeChecked();

    await group.check();
    await expect.poll(() => urlParam(page, "group")).toBe("company");
    await expect(groupHeaders(page).first()).toBeVisible();
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    await expect(group).toBeChecked();

    // Every contact sits under the header of its own company; each company has one header.
    const rows = await groupedRows(page);
    expect(rows[0], "the table starts with a group header").toHaveProperty("group");
    const seen: string[] = [];
    let current = "";
    for (const row of rows) {
      if ("group" in row) {
        expect(seen, `one header for ${row.group}`).not.toContain(row.group);
        seen.push(row.group);
        current = row.group;
      } else {
        expect(row.company || "No company", `a row under "${current}"`).toBe(current);
      }
    }
    expect(seen.length, "the first page spans several companies").toBeGreaterThan(1);
    expect(rows.filter((r) => "company" in r)).toHaveLength(50);
    // Group headers span the whole table width.
    await expect(groupHeaders(page).first().getByRole("columnheader")).toHaveAttribute(
      "colspan",
      String(await contactsTable(page).getByRole("row").first().getByRole("columnheader").count()),
    );
    await snap(page, testInfo, "grouped-by-company");
    await expectSameDocument(page);

    // Kept across a reload; unticking removes the headers and the URL key.
    await page.reload();
    await waitForHydration(page);
    await expect(page.getByRole("checkbox", { name: "Group by company" })).toBeChecked();
    await expect(groupHeaders(page)).toHaveCount(seen.length);
    await page.getByRole("checkbox", { name: "Group by company" }).uncheck();
    await expect.poll(() => urlParam(page, "group")).toBeNull();
    await expect(groupHeaders(page)).toHaveCount(0);
  });

  test("hiding columns from the Columns menu removes them and survives a reload", async ({ page }, testInfo) => {
    await openDirectory(page, CONTACTS_PATH);
    await markDocument(page);
    const header = (name: string) => contactsTable(page).getByRole("columnheader", { name, exact: true });
    await expect(header("Email")).toBeVisible();
    await expect(header("Phone")).toBeVisible();

    await filters(page).getByRole("button", { name: "Columns" }).click();
    const menu = page.getByRole("menu");
    const emailItem = menu.getByRole("menuitemcheckbox", { name: "Email" });
    await expect(menu.getByRole("menuitemcheckbox")).toHaveText(
      ["Company", "Job title", "Email", "Phone", "Projects"].map((t) => new RegExp(`${t}$`)),
    );
    await expect(emailItem).toHaveAttribute("aria-checked", "true");
    await emailItem.click();
    await expect.poll(() => urlParam(page, "hide")).toBe("email");
    await expect(header("Email")).toHaveCount(0);
    // The menu stays open to hide several columns.
    await expect(emailItem).toHaveAttribute("aria-checked", "false");
    await menu.getByRole("menuitemcheckbox", { name: "Phone" }).click();
    await expect.poll(() => urlParam(page, "hide")).toBe("email,phone");
    await expect(header("Phone")).toHaveCount(0);
    await snap(page, testInfo, "columns-menu");
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    // The rows no longer show the hidden values.
    const headers = (await contactsTable(page).getByRole("columnheader").allTextContents()).map((t) => t.trim());
    expect(headers).toEqual(["", "Name", "Company", "Job title", "Projects", "Actions"]);
    await expect(dataRows(page).first().getByRole("cell")).toHaveCount(headers.length);
    await expect(dataRows(page).first().getByRole("link", { name: /@/ })).toHaveCount(0);
    await snap(page, testInfo, "email-phone-hidden");
    await expectSameDocument(page);

    await page.reload();
    await waitForHydration(page);
    expect(urlParam(page, "hide")).toBe("email,phone");
    await expect(header("Email")).toHaveCount(0);
    await expect(header("Phone")).toHaveCount(0);
    await expect(header("Name")).toBeVisible();

    // Showing Email again.
    await filters(page).getByRole("button", { name: "Columns" }).click();
    await expect(page.getByRole("menu").getByRole("menuitemcheckbox", { name: "Email" })).toHaveAttribute(
      "aria-checked",
      "false",
    );
    await page.getByRole("menu").getByRole("menuitemcheckbox", { name: "Email" }).click();
    await expect.poll(() => urlParam(page, "hide")).toBe("phone");
    await expect(header("Email")).toBeVisible();
    await page.keyboard.press("Escape");
  });
});
