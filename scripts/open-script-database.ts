import { embeddedDataDir, readDatabaseEnv } from "@/server/db/env";
import { openDatabase } from "@/server/db/open-database";

/**
 * The database a script works on: the same choice the app makes (DATABASE_URL, else the
 * embedded one). The embedded database must not be open in a running app at the same time.
 */
export function openScriptDatabase() {
  const env = readDatabaseEnv();
  const db = env.DATABASE_URL
    ? openDatabase({ kind: "postgres", url: env.DATABASE_URL })
    : openDatabase({ kind: "pglite", dataDir: embeddedDataDir(env) });
  const where = env.DATABASE_URL ? new URL(env.DATABASE_URL).host : embeddedDataDir(env);
  return { db, where };
}
