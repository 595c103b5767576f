import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import {
  CONTACTS_PATH,
  contactsTable,
  dataRows,
  expectSameDocument,
  markDocument,
  openDirectory,
  readRows,
  search,
  searchbox,
  snap,
  urlParam,
} from "./support";

const pagination = (page: Page) => page.getByRole("navigation", { name: "Pagination" });

/** "1–50 of 252" → { first: 1, last: 50, total: 252 } */
async function range(page: Page) {
  const text =
    (await pagination(page)
      .getByText(/^[\d,]+–[\d,]+ of [\d,]+$/)
      .textContent()) ?? "";
  const match = /^([\d,]+)–([\d,]+) of ([\d,]+)$/.exec(text.trim());
  expect(match, `pagination summary "${text}"`).not.toBeNull();
  const [first, last, total] = match!.slice(1).map((n) => Number(n.replaceAll(",", "")));
  return { first: first!, last: last!, total: total! };
}

/** Waits for the server to answer a URL change: no loading state left. */
async function settled(page: Page) {
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

test.describe("Search, sort and paginate", () => {
  test("search narrows the rows and is kept in the URL", async ({ page }, testInfo) => {
    await openDirectory(page, CONTACTS_PATH);
    await markDocument(page);
    const all = await range(page);
    expect(all.total).toBeGreaterThan(50);

    // A contact's last name, from a row further down the table.
    const [contact] = await readRows(page, 1);
    const lastName = contact!.name.split(" ").at(-1)!;
    await search(page, lastName);
    expect(urlParam(page, "q")).toBe(lastName);
    await expect(searchbox(page)).toHaveValue(lastName);
    const narrowed = await range(page);
    expect(narrowed.total).toBeLessThan(all.total);
    expect(narrowed.total).toBeGreaterThan(0);
    await expect(dataRows(page)).toHaveCount(Math.min(50, narrowed.total));
    for (const text of await dataRows(page).allTextContents())
      expect(text.toLowerCase()).toContain(lastName.toLowerCase());
    await snap(page, testInfo, "search-narrowed");

    // A search with no match says so and offers to clear it.
    await search(page, "zzzqqqxxx");
    await expect(dataRows(page)).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "No contacts match “zzzqqqxxx”" })).toBeVisible();
    await snap(page, testInfo, "search-no-match");
    await page.getByRole("button", { name: "Clear search" }).click();
    await expect.poll(() => urlParam(page, "q")).toBeNull();
    await expect(searchbox(page)).toHaveValue("");
    await settled(page);
    expect(await range(page)).toEqual(all);

    // Reloading a search URL shows the same search.
    await search(page, lastName);
    await page.reload();
    await expect(searchbox(page)).toHaveValue(lastName);
    expect((await range(page)).total).toBe(narrowed.total);
  });

  test("sorting by Name descending changes the first row and the URL", async ({ page }, testInfo) => {
    await openDirectory(page, CONTACTS_PATH);
    await markDocument(page);
    const nameHeader = page.getByRole("columnheader", { name: "Name" });
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    const [ascFirst] = await readRows(page, 1);

    await nameHeader.getByRole("button", { name: "Name" }).click();
    await expect.poll(() => urlParam(page, "sort")).toBe("name.desc");
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
    await settled(page);
    const desc = await readRows(page, 5);
    expect(desc[0]!.name).not.toBe(ascFirst!.name);
    // Sorted by last name, Z→A.
    const lastNames = desc.map((r) => r.name.split(" ").at(-1)!.toLowerCase());
    expect(lastNames).toEqual(lastNames.toSorted((a, b) => b.localeCompare(a)));
    await snap(page, testInfo, "sorted-name-desc");

    // Sorting by another column sorts by it, ascending, from page 1.
    await page.getByRole("columnheader", { name: "Email" }).getByRole("button").click();
    await expect.poll(() => urlParam(page, "sort")).toBe("email.asc");
    await expect(page.getByRole("columnheader", { name: "Email" })).toHaveAttribute("aria-sort", "ascending");
    await expect(nameHeader).not.toHaveAttribute("aria-sort", /.*/);
    await expectSameDocument(page);
  });

  test("Next page and Previous page move through the rows and update page=", async ({ page }, testInfo) => {
    await openDirectory(page, CONTACTS_PATH);
    await markDocument(page);
    const first = await range(page);
    expect(first.first).toBe(1);
    expect(first.last).toBe(50);
    await expect(pagination(page).getByRole("button", { name: "Previous page" })).toBeDisabled();
    const [page1First] = await readRows(page, 1);

    await pagination(page).getByRole("button", { name: "Next page" }).click();
    await expect.poll(() => urlParam(page, "page")).toBe("2");
    await settled(page);
    await expect(pagination(page)).toContainText(`51–${Math.min(100, first.total)} of ${first.total}`);
    await expect(pagination(page)).toContainText(`Page 2 of ${Math.ceil(first.total / 50)}`);
    const [page2First] = await readRows(page, 1);
    expect(page2First!.name).not.toBe(page1First!.name);
    await expect(dataRows(page)).toHaveCount(Math.min(50, first.total - 50));
    await snap(page, testInfo, "page-2");

    await pagination(page).getByRole("button", { name: "Previous page" }).click();
    await expect.poll(() => urlParam(page, "page")).toBeNull();
    await settled(page);
    expect((await readRows(page, 1))[0]!.name).toBe(page1First!.name);

    // Rows per page.
    await pagination(page).getByRole("combobox", { name: "Rows per page" }).selectOption("25");
    await expect.poll(() => urlParam(page, "perPage")).toBe("25");
    await settled(page);
    await expect(dataRows(page)).toHaveCount(25);
    await expect(pagination(page)).toContainText(`1–25 of ${first.total}`);
    await expectSameDocument(page);
  });

  // The page redirects after its response has started streaming (the tab has a loading
  // state), so the browser lands on the clean URL a moment after the load: wait for it.
  test("a hand-edited URL redirects to the clean URL it can show", async ({ page }, testInfo) => {
    await page.goto(`${CONTACTS_PATH}?page=abc&bogus=1`);
    await expect(page).toHaveURL(CONTACTS_PATH);
    await expect(contactsTable(page)).toBeVisible();
    await expect(pagination(page)).toContainText("Page 1 of");
    await snap(page, testInfo, "cleaned-url");

    // Unknown sort values are dropped; known keys are kept.
    await page.goto(`${CONTACTS_PATH}?sort=nope.desc&perPage=25`);
    await expect(page).toHaveURL(`${CONTACTS_PATH}?perPage=25`);
    await expect(dataRows(page)).toHaveCount(25);

    // A page past the end lands on the last page.
    await page.goto(`${CONTACTS_PATH}?page=999`);
    await expect(page).toHaveURL(new RegExp(`${CONTACTS_PATH}\\?page=(?!999$)\\d+$`));
    const last = Number(urlParam(page, "page"));
    await expect(pagination(page)).toContainText(`Page ${last} of ${last}`);
    await expect(pagination(page).getByRole("button", { name: "Next page" })).toBeDisabled();
  });
});
