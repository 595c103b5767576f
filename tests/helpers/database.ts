import { migrate } from "@/server/db/migrate";
import { openDatabase, type Database, type DatabaseKind } from "@/server/db/open-database";

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
  return db;
}
