import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { embeddedDataDir, readDatabaseEnv } from "./env";
import { migrate } from "./migrate";
import { openDatabase, type Database } from "./open-database";

const globalForDb = globalThis as typeof globalThis & { rollcallDatabase?: Promise<Database> };

/**
 * The app's database, opened once per process: PostgreSQL when DATABASE_URL is set,
 * otherwise embedded PGlite under ROLLCALL_DATA_DIR. Migrations run on first use (the demo
 * data of an embedded first start is loaded at boot: src/server/demo/seed-on-first-start.ts).
 */
export function getDatabase(): Promise<Database> {
  globalForDb.rollcallDatabase ??= startDatabase().catch((error: unknown) => {
    globalForDb.rollcallDatabase = undefined;
    throw error;
  });
  return globalForDb.rollcallDatabase;
}

let provided: PrismaClient | undefined;

/** The Prisma client of the app's database, or of the one handed to provideDatabase. */
export async function getPrisma(): Promise<PrismaClient> {
  return provided ?? (await getDatabase()).prisma;
}

/**
 * Points everything that asks getPrisma (pages, server actions, API handlers) at another
 * database, or back at the app's own with undefined. Integration tests hand over theirs,
 * so the code they drive is the app's own, on a real database.
 */
export function provideDatabase(prisma: PrismaClient | undefined): void {
  provided = prisma;
}

async function startDatabase(): Promise<Database> {
  const env = readDatabaseEnv();
  const db = env.DATABASE_URL
    ? openDatabase({ kind: "postgres", url: env.DATABASE_URL })
    : openDatabase({ kind: "pglite", dataDir: embeddedDataDir(env) });
  await migrate(db.sql);
  return db;
}
