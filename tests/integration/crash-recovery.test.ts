import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { openDatabase } from "@/server/db/open-database";

const KILLS = 4;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rollcall-crash-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Starts the bulk loop on the data dir; resolves once it has committed a few batches. */
function startLoop() {
  // Node itself with tsx's loader (not the tsx CLI, which would run the script in a
  // grandchild that a SIGKILL of the CLI leaves running).
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "tests/helpers/bulk-forever.ts", dataDir],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const batches = new Promise<void>((resolve, reject) => {
    let seen = 0;
    child.stdout.on("data", (d: Buffer) => {
      seen += (d.toString().match(/^batch /gm) ?? []).length;
      if (seen >= 2) resolve();
    });
    child.on("exit", (code) => reject(new Error(`the loop exited (${code}) before committing: ${stderr}`)));
  });
  return { child, batches };
}

/**
 * Killing the app in the middle of a bulk change on the embedded database leaves it
 * consistent: when it starts again, every batch is there whole or not at all.
 */
test(
  `killing the process mid-change ${KILLS} times leaves the embedded database consistent`,
  { timeout: 240_000 },
  async () => {
    for (let kill = 1; kill <= KILLS; kill++) {
      const { child, batches } = startLoop();
      await batches;
      // Somewhere inside a later change (each takes about a hundred milliseconds).
      await new Promise((r) => setTimeout(r, 15 + kill * 37));
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await exited;

      const db = openDatabase({ kind: "pglite", dataDir });
      try {
        const [state] = await db.sql.query<{
          statuses: number;
          violations: number;
          contacts: number;
          eventCounts: number;
          lastMatches: boolean;
        }>(`
        WITH c AS (SELECT id, status FROM "Contact" WHERE "companyId" = (SELECT id FROM "Company" WHERE name = 'Crash test')),
        e AS (SELECT "contactId", count(*) AS n,
                     (array_agg(changes->'status'->>'to' ORDER BY seq DESC))[1] AS last_to
              FROM "ContactEvent" WHERE "contactId" IN (SELECT id FROM c) GROUP BY "contactId")
        SELECT (SELECT count(DISTINCT status) FROM c)::int AS statuses,
               (SELECT count(*) FROM "ProjectContact" pc JOIN c ON c.id = pc."contactId"
                WHERE c.status = 'INACTIVE' AND pc.status = 'ACTIVE')::int AS violations,
               (SELECT count(*) FROM c)::int AS contacts,
               (SELECT count(DISTINCT coalesce(e.n, 0)) FROM c LEFT JOIN e ON e."contactId" = c.id)::int AS "eventCounts",
               coalesce((SELECT bool_and(e.last_to = c.status::text) FROM c JOIN e ON e."contactId" = c.id), true) AS "lastMatches"`);
        // Every batch flips the whole company: all contacts share one status and one event count.
        expect(state).toEqual({ statuses: 1, violations: 0, contacts: 500, eventCounts: 1, lastMatches: true });
      } finally {
        await db.close();
      }
    }
  },
);
