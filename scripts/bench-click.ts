// `npm run bench:click`: click to result in Chromium (Playwright's library, not a timed
// test). Starts the built app on DATABASE_URL, signs the demo admin in, opens Inactive
// Contacts on the large company and, for 50 contacts (the page's Select all) and for
// every inactive contact (Select all N matching), clicks Reactivate in the dialog and
// measures, in the page, the time from the click to the toast and to the table showing
// the change. Beside it, the server's own time: the server action's request (the access
// log line of scripts/serve.mjs) and the change's transaction from its history (the
// batch's clock_timestamp() to its last event). Then the change is undone (the API's
// undo), so it can repeat.
// Usage: DATABASE_URL=… npm run bench:click [-- --runs 3 --port 3343 --json]
import { chromium, type Page } from "@playwright/test";
import { parseArgs } from "node:util";
import { largeCompanyName } from "@/server/demo/seed-large-company";
import { openDatabase } from "@/server/db/open-database";
import { apiToken, companyIdByName, signIn, sleep, startApp, stopApp } from "./bench-http";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    port: { type: "string", default: "3343" },
    "company-name": { type: "string", default: largeCompanyName(100_000) },
    "all-query": { type: "string", default: "i t" },
    json: { type: "boolean", default: false },
  },
});
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("npm run bench:click runs on PostgreSQL: set DATABASE_URL.");
const port = Number(args.port);
const base = `http://127.0.0.1:${port}`;
const log = (line: string) => (args.json ? console.error(line) : console.log(line));

type Sample = { clickToToastMs: number; clickToTableMs: number; serverRequestMs: number; serverTxMs: number };
type AccessLine = { method?: string; path?: string; ms?: number; msg?: string };

const accessLines: AccessLine[] = [];
const app = await startApp(databaseUrl, port, undefined, (line) => {
  try {
    accessLines.push(JSON.parse(line) as AccessLine);
  } catch {
    // not a log line
  }
});
const db = openDatabase({ kind: "postgres", url: databaseUrl, maxConnections: 2 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  const cookie = await signIn(new URL(base));
  const companyId = await companyIdByName(new URL(base), cookie, args["company-name"]);
  const token = await apiToken(databaseUrl, args["company-name"]);
  // bypassCSP: the timing script is passed as a string (the app's CSP forbids eval).
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), domain: "127.0.0.1", path: "/" };
    }),
  );
  const page = await context.newPage();
  const inactivePath = `/companies/${companyId}/directory/inactive-contacts`;

  const results = [];
  for (const all of [false, true]) {
    const samples: Sample[] = [];
    let count = 0;
    for (let run = 0; run < Number(args.runs); run++) {
      const { sample, batchId, changed } = await reactivate(page, inactivePath, companyId, all);
      samples.push(sample);
      count = changed;
      log(`${all ? "all matching" : "50"} run ${run + 1}: ${JSON.stringify(sample)}`);
      const undo = await fetch(`${base}/api/v1/companies/${companyId}/batches/${batchId}/undo`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
      });
      if (!undo.ok) throw new Error(`Undo failed: ${undo.status} ${await undo.text()}`);
    }
    const m = (key: keyof Sample) => median(samples.map((s) => s[key]));
    results.push({
      name: all ? "click_reactivate_all_matching" : "click_reactivate_50",
      contacts: count,
      clickToToastMs: m("clickToToastMs"),
      clickToTableMs: m("clickToTableMs"),
      serverRequestMs: m("serverRequestMs"),
      serverTxMs: m("serverTxMs"),
      toastRatio: round(m("clickToToastMs") / m("serverRequestMs")),
      tableRatio: round(m("clickToTableMs") / m("serverRequestMs")),
    });
  }
  if (args.json) console.log(JSON.stringify({ runs: Number(args.runs), cases: results }, null, 2));
  else console.table(results);
} finally {
  await browser.close();
  await db.close();
  await stopApp(app);
}

async function reactivate(page: Page, path: string, companyId: string, all: boolean) {
  // All matching: a search that leaves just under the 10,000 a bulk action may change (9,876 on the seed).
  await page.goto(`${base}${path}?perPage=50${all ? `&q=${encodeURIComponent(args["all-query"])}` : ""}`);
  const selectAll = page.getByRole("checkbox", { name: "Select all" }).filter({ visible: true }).first();
  await selectAll.waitFor();
  // Hydrated: React's fiber keys are on the node.
  while (!(await selectAll.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber")))))
    await sleep(50);
  await selectAll.check();
  if (all) await page.getByRole("button", { name: /^Select all [\d,]+ matching contacts$/ }).click();
  await page.getByRole("button", { name: /^Bulk Actions/ }).click();
  await page.getByRole("menuitem", { name: "Reactivate" }).click();
  const dialog = page.getByRole("dialog", { name: "Reactivate Contacts" });
  const button = dialog.getByRole("button", { name: "Reactivate", exact: true });
  await button.waitFor();
  // Timed in the page: the click event, the first toast that says so, the first table that differs.
  // A string, not a function: tsx's helpers (__name) do not exist in the page.
  await button.evaluate((el) => el.setAttribute("data-bench-click", ""));
  await page.evaluate(`((el) => {
    const firstRow = () => document.querySelector("main table tbody tr")?.textContent ?? "";
    const before = firstRow();
    const times = {};
    window.__click = times;
    el.addEventListener("click", () => (times.click ??= performance.now()), { capture: true });
    new MutationObserver(() => {
      if (times.click === undefined) return;
      const toasts = [...document.querySelectorAll("[data-sonner-toast]")];
      if (times.toast === undefined && toasts.some((t) => /Reactivated \\d/.test(t.textContent ?? "")))
        times.toast = performance.now();
      if (times.table === undefined && firstRow() !== before) times.table = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })(document.querySelector("[data-bench-click]"))`);
  const since = accessLines.length;
  await button.click();
  const handle = await page.waitForFunction(
    "window.__click && window.__click.toast !== undefined && window.__click.table !== undefined ? window.__click : null",
    undefined,
    { timeout: 180_000, polling: 50 },
  );
  const times = (await handle.jsonValue()) as { click: number; toast: number; table: number };
  await sleep(300); // the access line is written when the response has finished
  const action = accessLines.slice(since).find((l) => l.method === "POST" && l.path === path);
  if (!action?.ms) throw new Error("No access log line for the server action");
  const [batch] = await db.sql.query<{ id: string; tx_ms: number; changed: number }>(
    `SELECT b.id, EXTRACT(EPOCH FROM (max(e."createdAt") - b."createdAt")) * 1000 AS tx_ms, count(e.id)::int AS changed
       FROM "ChangeBatch" b JOIN "ContactEvent" e ON e."companyId" = b."companyId" AND e."batchId" = b.id
      WHERE b."companyId" = $1 AND b.id = (SELECT id FROM "ChangeBatch" WHERE "companyId" = $1 AND action = 'contacts.reactivate' ORDER BY "createdAt" DESC LIMIT 1)
      GROUP BY b.id, b."createdAt"`,
    [companyId],
  );
  if (!batch) throw new Error("No reactivation in the history");
  return {
    batchId: batch.id,
    changed: batch.changed,
    sample: {
      clickToToastMs: Math.round(times.toast - times.click),
      clickToTableMs: Math.round(times.table - times.click),
      serverRequestMs: action.ms,
      serverTxMs: Math.round(Number(batch.tx_ms)),
    },
  };
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function round(n: number) {
  return Math.round(n * 100) / 100;
}
