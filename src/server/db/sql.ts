import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { mkdirSync } from "node:fs";
import pg from "pg";

/** The few raw-SQL operations the migrator and the seed scripts need, on either driver. */
export interface SqlSession {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlDatabase extends SqlSession {
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function openPglite(dataDir?: string, loadDataDir?: Blob): PGlite {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // The search indexes need these (migration 20261130225000_search_indexes); PostgreSQL ships them in contrib.
  return new PGlite({ dataDir, loadDataDir, extensions: { pg_trgm, btree_gin } });
}

export function pgliteSql(db: PGlite): SqlDatabase {
  const session = (s: Pick<PGlite, "exec" | "query">): SqlSession => ({
    exec: async (sql) => {
      await s.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await s.query<T>(sql, params)).rows,
  });
  return {
    ...session(db),
    transaction: (fn) => db.transaction((tx) => fn(session(tx))),
    close: () => db.close(),
  };
}

export function postgresSql(pool: pg.Pool): SqlDatabase {
  const session = (c: pg.Pool | pg.PoolClient): SqlSession => ({
    exec: async (sql) => {
      await c.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await c.query(sql, params as unknown[])).rows as T[],
  });
  return {
    ...session(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(session(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
