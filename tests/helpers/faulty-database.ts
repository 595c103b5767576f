import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { migrate } from "@/server/db/migrate";
import type { Database, DatabaseKind } from "@/server/db/open-database";
import { openPglite, pgliteSql } from "@/server/db/sql";
import { openTestDatabase } from "./database";
import { faultyAdapter, type FaultPlan } from "./faults";

/**
 * A test database and, on the same data, a second client whose plan's failAt-th statement
 * in a transaction fails: `db` sets up and looks, `faulty` runs the change under test.
 */
export async function openFaultyDatabase(
  kind: DatabaseKind,
  plan: FaultPlan,
): Promise<{ db: Database; faulty: PrismaClient; close(): Promise<void> }> {
  if (kind === "pglite") {
    // One embedded database, two clients: one plain, one that fails on cue.
    const pglite = openPglite();
    await migrate(pgliteSql(pglite));
    const plain = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    const faulty = new PrismaClient({ adapter: faultyAdapter(new PrismaPGlite(pglite), plan) });
    const db: Database = {
      kind,
      prisma: plain,
      sql: pgliteSql(pglite),
      close: async () => undefined,
      capturingPrisma: () => plain,
    };
    return {
      db,
      faulty,
      close: async () => {
        await faulty.$disconnect();
        await plain.$disconnect();
        await pglite.close();
      },
    };
  }
  const db = await openTestDatabase(kind);
  const pool = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 2 });
  const faulty = new PrismaClient({ adapter: faultyAdapter(new PrismaPg(pool), plan) });
  return {
    db,
    faulty,
    close: async () => {
      await faulty.$disconnect();
      await pool.end();
      await db.close();
    },
  };
}
