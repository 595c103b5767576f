import { getDatabase } from "@/server/db/client";
import { readDatabaseEnv } from "@/server/db/env";
import { seedDemoData } from "./seed-demo-data";

/**
 * The embedded database's first start loads the demo company (unless ROLLCALL_DEMO_DATA is
 * off); PostgreSQL is never seeded by a start. Run once at boot (src/instrumentation.ts),
 * before the first request, rather than on the way of every query.
 */
export async function seedDemoDataOnFirstStart(): Promise<void> {
  const env = readDatabaseEnv();
  if (env.DATABASE_URL || env.ROLLCALL_DEMO_DATA === "off") return;
  const { prisma } = await getDatabase();
  await seedDemoData(prisma, { onlyIfEmpty: true });
}
