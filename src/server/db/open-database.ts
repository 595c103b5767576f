import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { openPglite, pgliteSql, postgresSql, type SqlDatabase } from "./sql";

export type DatabaseKind = "pglite" | "postgres";

export type OpenDatabaseOptions = (
  | { kind: "pglite"; dataDir?: string; loadDataDir?: Blob }
  | { kind: "postgres"; url: string; maxConnections?: number }
) & {
  /** Report each statement Prisma sends to onQuery listeners (query plan tests, the bench's floor). */
  captureQueries?: boolean;
};

/** A statement Prisma sent, with its parameters in order. */
export type CapturedQuery = { query: string; params: unknown[] };

/** A Prisma client and a raw-SQL handle on the same database. */
export type Database = {
  kind: DatabaseKind;
  prisma: PrismaClient;
  sql: SqlDatabase;
  /** Listens to every statement the Prisma client sends; only with captureQueries. */
  onQuery(listener: (query: CapturedQuery) => void): void;
  close(): Promise<void>;
};

function prismaClient(adapter: PrismaPg | PrismaPGlite, captureQueries = false) {
  if (!captureQueries) {
    return {
      prisma: new PrismaClient({ adapter }),
      onQuery: () => {
        throw new Error("Open the database with captureQueries to listen to its queries.");
      },
    };
  }
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  return {
    prisma: prisma as unknown as PrismaClient,
    onQuery: (listener: (query: CapturedQuery) => void) =>
      prisma.$on("query", (event: Prisma.QueryEvent) => listener({ query: event.query, params: JSON.parse(event.params) as unknown[] })),
  };
}

/**
 * The one place a database connection is built: embedded PGlite (one instance per
 * process; no in-memory data dir means a throwaway database) or PostgreSQL.
 */
export function openDatabase(options: OpenDatabaseOptions): Database {
  if (options.kind === "pglite") {
    const pglite = openPglite(options.dataDir, options.loadDataDir);
    const { prisma, onQuery } = prismaClient(new PrismaPGlite(pglite), options.captureQueries);
    const sql = pgliteSql(pglite);
    return {
      kind: "pglite",
      prisma,
      sql,
      onQuery,
      close: async () => {
        await prisma.$disconnect();
        await sql.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
  const { prisma, onQuery } = prismaClient(new PrismaPg(pool), options.captureQueries);
  const sql = postgresSql(pool);
  return {
    kind: "postgres",
    prisma,
    sql,
    onQuery,
    close: async () => {
      await prisma.$disconnect();
      await sql.close();
    },
  };
}
