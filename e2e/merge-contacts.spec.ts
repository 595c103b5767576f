import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { COMPANY_ID, COMPANY_PATH, CONTACTS_PATH, snap, waitForHydration } from "./support";

/** Calls the JSON API from the page, as the signed-in admin (the browser sends the app's origin). */
async function api<T>(page: Page, path: string, init: { method?: string; body?: Record<string, string> } = {}) {
  return page.evaluate(
    async ({ path, method, body }) => {
      let form: FormData | undefined;
      if (body) {
        form = new FormData();
        for (const [k, v] of Object.entries(body)) {
          form.append(k, k === "file" ? new File([v], "dupes.csv", { type: "text/csv" }) : v);
        }
      }
      const response = await fetch(`/api/v1${path}`, { method: method ?? "GET", body: form });
      return { status: response.status, body: await response.json() };
    },
    { path, method: init.method, body: init.body },
  ) as Promise<{ status: number; body: T }>;
}

async function axe(page: Page) {
  await page.emulateMedia({ reducedMotion: "reduce" });
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

test("an admin finds a group, merges it taking one field from the other contact, follows the old URL, and undoes", async ({
  page,
}, testInfo) => {
  // Two records of one welder, brought in by an import so that undoing the import at the end
  // leaves the demo data as the other specs expect it.
  await page.goto(CONTACTS_PATH);
  await waitForHydration(page);
  const stamp = Date.now().toString(36);
  const csv = [
    "First name,Last name,Email,Phone,Job title",
    `Zébédée,Quartermain,zq-${stamp}@example.com,817-555-0199,Welder`,
    `zebedee,QUARTERMAIN,z.quartermain-${stamp}@example.com,(817) 555 0199,Welder foreman`,
  ].join("\n");
  const imported = await api<{ batchId: string }>(page, `/companies/${COMPANY_ID}/contacts/import`, {
    method: "POST",
    body: { file: csv },
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);

  try {
    await page.reload();
    await waitForHydration(page);
    await page.getByRole("link", { name: /^Duplicates \(\d+\)$/ }).click();
    await expect(page.getByRole("heading", { name: "Duplicates" })).toBeVisible();
    await page.getByRole("navigation", { name: "Filter by reason" }).getByRole("link", { name: "Same phone" }).click();
    await expect(page).toHaveURL(/reason=same_phone/);
    const group = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Quartermain/ }) });
    await expect(group.getByRole("heading")).toHaveText(/Same phone and same name/);
    await axe(page);
    await snap(page, testInfo, "duplicates-1440");
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
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
      `/companies/${COMPANY_ID}/contacts?q=quartermain`,
    );
    expect(kept.body.data.map((c) => [c.id, c.jobTitle])).toEqual([[keepName, otherLabel]]);
    const all = await api<{ data: { id: string; status: string; mergedIntoId: string | null }[] }>(
      page,
      `/companies/${COMPANY_ID}/contacts/duplicates?reason=same_phone`,
    );
    expect(all.body.data.filter((g) => JSON.stringify(g).includes("Quartermain"))).toEqual([]);

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
  } finally {
    const undone = await api(page, `/companies/${COMPANY_ID}/batches/${imported.body.batchId}/undo`, {
      method: "POST",
    });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
  }
});
