import { migrate } from "@/server/db/migrate";
import { openDatabase, type Database, type DatabaseKind } from "@/server/db/open-database";
import { recordStatement } from "./sql-capture";

/** Every integration suite runs on each of these: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DATABASES: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/**
 * A migrated database for one test file. PGlite gets a fresh in-memory instance; on
 * PostgreSQL files share one database and keep apart by each creating its own company.
 */
export async function openTestDatabase(kind: DatabaseKind): Promise<Database> {
  const db =
    kind === "pglite"
      ? openDatabase({ kind: "pglite" })
      : openDatabase({ kind: "postgres", url: process.env.TEST_DATABASE_URL!, maxConnections: 4 });
  await migrate(db.sql);
  // The code under test runs on a client that notes each statement it sends, for the
  // statement-routing check that runs after the suite (tests/routing).
  return { ...db, prisma: db.capturingPrisma(({ query }) => recordStatement(query)) };
}

/**
 * A PostgreSQL database of its own for one test file, on the server TEST_DATABASE_URL
 * names: for tests whose outcome depends on table statistics (query plans), which other
 * files writing to the shared test database would change under them. Dropped by `drop`.
 */
export async function createOwnPostgresDatabase(purpose: string): Promise<{ url: string; drop(): Promise<void> }> {
  const shared = new URL(process.env.TEST_DATABASE_URL!);
  const name = `rollcall_${purpose}_${process.pid}_${Date.now().toString(36)}`;
  const admin = openDatabase({ kind: "postgres", url: shared.toString(), maxConnections: 1 });
  try {
    await admin.sql.exec(`CREATE DATABASE "${name}"`);
    // Statistics from every row, not a random sample, so the planner sees the same numbers on every run.
    await admin.sql.exec(`ALTER DATABASE "${name}" SET default_statistics_target = 10000`);
  } finally {
    await admin.close();
  }
  const url = new URL(shared);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = openDatabase({ kind: "postgres", url: shared.toString(), maxConnections: 1 });
      try {
        await cleanup.sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleanup.close();
      }
    },
  };
}
