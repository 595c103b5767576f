import type { Prisma, PrismaClient } from "@/generated/prisma/client";

/** A Prisma client, or the client of a transaction already open. */
export type Db = PrismaClient | Prisma.TransactionClient;

function isTransaction(db: Db): db is Prisma.TransactionClient {
  // Transaction clients lack the connection methods; they may still offer $transaction
  // (as savepoints), which the embedded adapter does not support.
  return !("$connect" in db);
}

/**
 * How long a transaction may wait for a connection, and run. Prisma's defaults (2 s and
 * 5 s) are for short requests; a 10,000-contact change queued behind another on the
 * same contacts (the lock order makes them queue) needs longer, and a user should see
 * it finish rather than a timeout.
 */
export const TRANSACTION_LIMITS = { maxWait: 30_000, timeout: 120_000 } as const;

/**
 * Runs fn in a transaction: a new one on a client, the caller's own when given a
 * transaction client, so domain operations compose into one atomic change.
 */
export function inTransaction<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return isTransaction(db) ? fn(db) : (db as PrismaClient).$transaction(fn, TRANSACTION_LIMITS);
}
