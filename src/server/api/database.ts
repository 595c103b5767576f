import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/server/db/client";

let provided: PrismaClient | undefined;

/** The database the API works on: the app's own, unless another was provided. */
export function apiDatabase(): Promise<PrismaClient> {
  return provided ? Promise.resolve(provided) : getPrisma();
}

/**
 * Points the API at another database (integration tests hand it theirs), or back at
 * the app's own with undefined.
 */
export function provideApiDatabase(prisma: PrismaClient | undefined): void {
  provided = prisma;
}
