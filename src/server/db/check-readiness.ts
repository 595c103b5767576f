import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { readMigrations } from "./migrate";
import { isDatabaseUnavailable } from "./unavailable";

export type Readiness =
  | { ready: true }
  | { ready: false; reason: "database_unavailable" | "migrations_pending"; message: string; pending?: string[] };

/**
 * Whether this process can serve: its database answers and has every migration this
 * build ships. What a load balancer's readiness probe asks before sending traffic.
 */
export async function checkReadiness(db: () => Promise<PrismaClient>): Promise<Readiness> {
  try {
    const prisma = await db();
    const applied = await prisma.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const done = new Set(applied.map((m) => m.name));
    const pending = (await readMigrations()).map((m) => m.name).filter((name) => !done.has(name));
    if (pending.length) {
      return {
        ready: false,
        reason: "migrations_pending",
        message: `${pending.length} migration(s) not applied yet.`,
        pending,
      };
    }
    return { ready: true };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return { ready: false, reason: "database_unavailable", message: "The database is unavailable right now." };
  }
}
