import type { Prisma, PrismaClient } from "@/generated/prisma/client";

/** A Prisma client, or the client of a transaction already open. */
export type Db = PrismaClient | Prisma.TransactionClient;

function isTransaction(db: Db): db is Prisma.TransactionClient {
  // Transaction clients lack the connection methods; they may still offer $transaction
  // (as savepoints), which the embedded adapter does not support.
  return !("$connect" in db);
}

/**
 * Runs fn in a transaction: a new one on a client, the caller's own when given a
 * transaction client, so domain operations compose into one atomic change.
 */
export function inTransaction<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return isTransaction(db) ? fn(db) : (db as PrismaClient).$transaction(fn);
}
