import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/generated/prisma/client";
import { openPglite, pgliteSql, postgresSql, type SqlDatabase } from "./sql";

export type DatabaseKind = "pglite" | "postgres";

export type OpenDatabaseOptions =
  | { kind: "pglite"; dataDir?: string; loadDataDir?: Blob }
  | { kind: "postgres"; url: string; maxConnections?: number };

/** A Prisma client and a raw-SQL handle on the same database. */
export type Database = {
  kind: DatabaseKind;
  prisma: PrismaClient;
  sql: SqlDatabase;
  close(): Promise<void>;
};

/**
 * The one place a database connection is built: embedded PGlite (one instance per
 * process; no in-memory data dir means a throwaway database) or PostgreSQL.
 */
export function openDatabase(options: OpenDatabaseOptions): Database {
  if (options.kind === "pglite") {
    const pglite = openPglite(options.dataDir, options.loadDataDir);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    const sql = pgliteSql(pglite);
    return {
      kind: "pglite",
      prisma,
      sql,
      close: async () => {
        await prisma.$disconnect();
        await sql.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql = postgresSql(pool);
  return {
    kind: "postgres",
    prisma,
    sql,
    close: async () => {
      await prisma.$disconnect();
      await sql.close();
    },
  };
}
