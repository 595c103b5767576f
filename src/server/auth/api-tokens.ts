import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/server/db/transaction";
import { notFound } from "@/server/errors";

const PREFIX = "rc_";

function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export type CreateApiTokenOptions = { companyId: string; userId: string; name: string };

/**
 * Issues a personal API token. The token itself is shown once; only its SHA-256 hash is
 * stored (a 256-bit random token needs no slow hash to resist guessing).
 */
export async function createApiToken(db: Db, { companyId, userId, name }: CreateApiTokenOptions) {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const record = await db.apiToken.create({
    data: { companyId, userId, name, tokenHash: hashToken(token), prefix: token.slice(0, 10) },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  return { token, record };
}

/**
 * The user and company a bearer token acts for, or null if it is unknown or revoked. One
 * statement, which also notes when the token was last used — at most once a minute, so
 * concurrent calls with one token do not queue on its row for a write each.
 */
export async function verifyApiToken(db: Db, token: string) {
  if (!token.startsWith(PREFIX)) return null;
  const [found] = await db.$queryRaw<{ userId: string; companyId: string }[]>`
    WITH found AS (
      SELECT id, "userId", "companyId", "lastUsedAt" FROM "ApiToken"
       WHERE "tokenHash" = ${hashToken(token)} AND "revokedAt" IS NULL
    ), touched AS (
      UPDATE "ApiToken" t SET "lastUsedAt" = now() FROM found
       WHERE t.id = found.id AND (found."lastUsedAt" IS NULL OR found."lastUsedAt" < now() - interval '1 minute')
    )
    SELECT "userId"::text AS "userId", "companyId"::text AS "companyId" FROM found`;
  return found ?? null;
}

export type RevokeApiTokenOptions = { companyId: string; tokenId: string; userId?: string };

/** Revokes a token at once; with userId, only that user's own token. */
export async function revokeApiToken(db: Db, { companyId, tokenId, userId }: RevokeApiTokenOptions) {
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, companyId, revokedAt: null, ...(userId ? { userId } : {}) },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Token not found, or already revoked.");
}

export function listApiTokens(db: Db, { companyId, userId }: { companyId: string; userId?: string }) {
  return db.apiToken.findMany({
    where: { companyId, ...(userId ? { userId } : {}) },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { name: true } },
    },
  });
}
