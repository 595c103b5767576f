import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";

// The bench at a tiny size on a fresh embedded database, as `npm run bench` runs it, so
// it keeps working between the times someone measures with it.
test("npm run bench -- --json reports every case with positive times", { timeout: 90_000 }, async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), "rollcall-bench-"));
  try {
    const { stdout } = await promisify(execFile)(
      "npx",
      [
        "tsx",
        "--conditions=react-server",
        "scripts/bench.ts",
        "--contacts",
        "200",
        "--list-contacts",
        "300",
        "--import-rows",
        "100",
        "--companies",
        "10",
        "--company-contacts",
        "3",
        "--runs",
        "1",
        "--json",
      ],
      { env: { ...process.env, DATABASE_URL: "", ROLLCALL_DATA_DIR: dataDir }, maxBuffer: 10 * 1024 * 1024 },
    );
    const result = JSON.parse(stdout.slice(stdout.indexOf("{"))) as Record<string, unknown>;
    expect(result).toMatchObject({ contacts: 200, memberships: 1000, listContacts: 300, database: "pglite" });
    const cases = result.cases as { name: string; appMs: number; floorMs: number; ratio: number }[];
    expect(cases.map((c) => c.name)).toEqual([
      "bulk_reactivate_200",
      "naive_row_loop_200",
      "list_search_sort_page",
      "find_duplicates_300",
      "import_100",
      "bulk_inactivate_10_companies_with_30_contacts",
    ]);
    expect(result.importParse).toEqual({ rows: 100, csvMs: expect.any(Number), xlsxMs: expect.any(Number) });
    for (const c of cases) {
      expect(c, c.name).toEqual(
        expect.objectContaining({ appMs: expect.any(Number), floorMs: expect.any(Number), ratio: expect.any(Number) }),
      );
      expect(Math.min(c.appMs, c.floorMs, c.ratio), c.name).toBeGreaterThan(0);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
