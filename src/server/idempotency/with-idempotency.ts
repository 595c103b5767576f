import "server-only";
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { TRANSACTION_LIMITS } from "@/server/db/transaction";
import { DomainError } from "@/server/errors";

export type IdempotencyScope = {
  companyId: string;
  userId: string;
  /** The client's key for this request (the Idempotency-Key header, or the dialog's own key); none: no replay. */
  key: string | null | undefined;
  /** What was asked (path and parsed body): the same key may not be reused for something else. */
  request: unknown;
};

/** How long an answer is kept for a retry. */
const KEPT = "24 hours";

/**
 * Runs a change once per key: a retry with the same key — a double-clicked confirm, an
 * API call retried after a timeout — gets the first answer back instead of a second
 * change. The key is claimed in the change's own transaction, before the change: a
 * concurrent retry waits on that row and then reads the answer; if the change fails,
 * the claim rolls back with it and a retry runs afresh.
 */
export async function withIdempotency<T>(
  prisma: PrismaClient,
  { companyId, userId, key, request }: IdempotencyScope,
  run: (db: PrismaClient | Prisma.TransactionClient) => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (!key) return { result: await run(prisma), replayed: false };
  const requestHash = createHash("sha256").update(JSON.stringify(request)).digest("hex");
  return prisma.$transaction(async (tx) => {
    // An answer older than KEPT is forgotten: the key may be used again.
    const claimed = await tx.$queryRaw<unknown[]>`
        INSERT INTO "IdempotencyKey" ("companyId", "userId", key, "requestHash", response)
        VALUES (${companyId}::uuid, ${userId}::uuid, ${key}, ${requestHash}, 'null'::jsonb)
        ON CONFLICT ("companyId", "userId", key) DO UPDATE
          SET "requestHash" = EXCLUDED."requestHash", response = EXCLUDED.response, "createdAt" = now()
          WHERE "IdempotencyKey"."createdAt" < now() - ${KEPT}::interval
        RETURNING 1`;
    if (claimed.length === 0) {
      const [kept] = await tx.$queryRaw<{ requestHash: string; response: T }[]>`
          SELECT "requestHash", response FROM "IdempotencyKey"
          WHERE "companyId" = ${companyId}::uuid AND "userId" = ${userId}::uuid AND key = ${key}`;
      if (kept!.requestHash !== requestHash) {
        throw new DomainError(
          "invalid",
          "This Idempotency-Key was already used for a different request. Use a new key for each new change.",
        );
      }
      return { result: kept!.response, replayed: true };
    }
    const result = await run(tx);
    await tx.$executeRaw`
        UPDATE "IdempotencyKey" SET response = ${JSON.stringify(result)}::jsonb
        WHERE "companyId" = ${companyId}::uuid AND "userId" = ${userId}::uuid AND key = ${key}`;
    return { result, replayed: false };
  }, TRANSACTION_LIMITS);
}
