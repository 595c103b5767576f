import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { openPglite, pgliteSql, postgresSql, type SqlDatabase } from "./sql";

export type DatabaseKind = "pglite" | "postgres";

export type OpenDatabaseOptions =
  { kind: "pglite"; dataDir?: string; loadDataDir?: Blob } | { kind: "postgres"; url: string; maxConnections?: number };

/** A statement Prisma sent, with its parameters in order. */
export type CapturedQuery = { query: string; params: unknown[] };

/** A Prisma client and a raw-SQL handle on the same database. */
export type Database = {
  kind: DatabaseKind;
  prisma: PrismaClient;
  sql: SqlDatabase;
  /**
   * Another Prisma client on the same connection that reports every statement it sends
   * (query-plan tests, the bench's floor); the main client stays free of logging.
   */
  capturingPrisma(listener: (query: CapturedQuery) => void): PrismaClient;
  close(): Promise<void>;
};

/**
 * The one place a database connection is built: embedded PGlite (one instance per
 * process; no in-memory data dir means a throwaway database) or PostgreSQL.
 */
export function openDatabase(options: OpenDatabaseOptions): Database {
  if (options.kind === "pglite") {
    const pglite = openPglite(options.dataDir, options.loadDataDir);
    return withClients("pglite", () => new PrismaPGlite(pglite), pgliteSql(pglite));
  }
  // A database that does not answer fails a request in seconds (503) instead of hanging it.
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
  });
  return withClients("postgres", () => new PrismaPg(pool), postgresSql(pool));
}

function withClients(kind: DatabaseKind, adapter: () => PrismaPg | PrismaPGlite, sql: SqlDatabase): Database {
  const prisma = new PrismaClient({ adapter: adapter() });
  const clients: { $disconnect(): Promise<void> }[] = [prisma];
  return {
    kind,
    prisma,
    sql,
    capturingPrisma: (listener) => {
      const client = new PrismaClient({ adapter: adapter(), log: [{ emit: "event", level: "query" }] });
      client.$on("query", (event: Prisma.QueryEvent) =>
        listener({ query: event.query, params: JSON.parse(event.params) as unknown[] }),
      );
      clients.push(client);
      return client as unknown as PrismaClient;
    },
    close: async () => {
      for (const client of clients) await client.$disconnect();
      await sql.close();
    },
  };
}
