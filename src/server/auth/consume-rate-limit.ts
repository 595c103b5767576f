import "server-only";
import type { Db } from "@/server/db/transaction";

export type RateLimitRule = { /** Seconds. */ window: number; max: number };

/**
 * Counts one more request under this key in Better Auth's RateLimit table (the one the
 * sign-in limit uses), in one statement, so several app processes share the count. True
 * while the window's count is within the rule; false once it is over.
 */
export async function consumeRateLimit(db: Db, key: string, { window, max }: RateLimitRule): Promise<boolean> {
  const now = Date.now();
  const windowStart = now - window * 1000;
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" (key, count, "lastRequest") VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."lastRequest" < ${windowStart} THEN 1 ELSE "RateLimit".count + 1 END,
      "lastRequest" = CASE WHEN "RateLimit"."lastRequest" < ${windowStart} THEN ${now} ELSE "RateLimit"."lastRequest" END
    RETURNING count`;
  return row!.count <= max;
}
