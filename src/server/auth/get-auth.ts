import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/server/db/client";
import { readDatabaseEnv } from "@/server/db/env";
import { readAuthSecret } from "./auth-secret";
import { buildAuth, type Auth } from "./build-auth";
import { readTrustedProxies } from "./trusted-proxies";

const instances = new WeakMap<PrismaClient, Auth>();

/** The Better Auth instance over this database, built once per client. */
export function authFor(prisma: PrismaClient): Auth {
  let auth = instances.get(prisma);
  if (!auth) {
    auth = buildAuth(prisma, {
      secret: readAuthSecret(readDatabaseEnv()),
      baseURL: process.env.BETTER_AUTH_URL || undefined,
      trustedProxies: readTrustedProxies(),
    });
    instances.set(prisma, auth);
  }
  return auth;
}

/** The app's Better Auth instance, over the app's database. */
export async function getAuth(): Promise<Auth> {
  return authFor(await getPrisma());
}
