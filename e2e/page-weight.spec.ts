import { expect, test } from "./fixtures";
import { INACTIVE_PATH, waitForHydration } from "./support";

/**
 * The most JavaScript, compressed as it crosses the network, the Inactive Contacts tab may
 * load. 180 kB until 2026-12-01; raised to 210 kB when the server-backed comboboxes (company
 * and project filters), the phone cards, the Menu button and the live regions arrived
 * (202 kB measured). Bringing it back down — the filters' popover and the cards loaded on
 * first use, as the menus are — is open work.
 */
const BUDGET_BYTES = 210_000;

test("the Inactive Contacts tab loads at most 210 kB of compressed JavaScript", async ({ page }, testInfo) => {
  const scripts: { url: string; bytes: number; encoding: string }[] = [];
  page.on("requestfinished", async (request) => {
    if (request.resourceType() !== "script") return;
    const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
    // responseBodySize is the body as received: gzip-compressed when the server compressed it.
    scripts.push({
      url: new URL(request.url()).pathname,
      bytes: sizes.responseBodySize,
      encoding: (await response?.headerValue("content-encoding")) ?? "none",
    });
  });

  await page.goto(INACTIVE_PATH, { waitUntil: "networkidle" });
  await waitForHydration(page);

  const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
  const kB = (total / 1000).toFixed(1);
  testInfo.annotations.push({
    type: "page weight",
    description: `${kB} kB of compressed JavaScript in ${scripts.length} files`,
  });
  await testInfo.attach("javascript.json", {
    body: JSON.stringify({ totalBytes: total, scripts: scripts.sort((a, b) => b.bytes - a.bytes) }, null, 2),
    contentType: "application/json",
  });
  console.log(`Inactive Contacts: ${kB} kB of compressed JavaScript in ${scripts.length} files`);

  expect(scripts.length).toBeGreaterThan(0);
  // Measured compressed: next start gzips its static chunks.
  expect(scripts.filter((s) => s.encoding === "none" && s.bytes > 1000)).toEqual([]);
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
});
