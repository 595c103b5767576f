import { test as base, expect } from "@playwright/test";

/**
 * The specs' `test`: as Playwright's, and each test also fails if the page threw an
 * uncaught error, logged a console error or got an HTTP error (a hydration mismatch, a
 * failed server action or a missing asset shows up there even when the page looks right).
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use, testInfo) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
      page.on("console", (message) => {
        // A failed request is logged without its URL; the response listener names it.
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
          errors.push(`console.error: ${message.text()}`);
        }
      });
      page.on("response", (response) => {
        const url = new URL(response.url());
        // The app ships no favicon; the browser asks for one on every page load.
        if (response.status() >= 400 && url.pathname !== "/favicon.ico") {
          errors.push(`HTTP ${response.status()}: ${response.request().method()} ${url.pathname}${url.search}`);
        }
      });
      await use(errors);
      if (errors.length > 0) {
        await testInfo.attach("browser-errors.txt", { body: errors.join("\n"), contentType: "text/plain" });
      }
      expect(errors, "errors in the browser during the test").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
