/**
 * The database handle. One SQL dialect (PostgreSQL), two engines: PGlite (embedded,
 * file-backed or in memory) and PostgreSQL (node-postgres pool). Repositories take a
 * `Queryable`, which is either the Db itself or an open transaction.
 */
import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export type Engine = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly engine: Engine;
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;

export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const lite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    // Bulk loads otherwise grow the WAL to ~1 GB (measured); see DESIGN.md.
    startParams: ['-c', 'max_wal_size=128MB'],
    parsers: { [INT8]: (v: string) => Number(v), [pgliteTypes.NUMERIC]: (v: string) => Number(v) },
  }).catch(() =>
    // Older PGlite builds reject unknown start parameters: retry without them.
    PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers: { [INT8]: (v: string) => Number(v) } }),
  );
  return {
    engine: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await lite.query<T>(sql, params as unknown[])).rows;
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return lite.transaction((tx) =>
        fn({ query: async <R>(sql: string, params: readonly unknown[] = []) => (await tx.query<R>(sql, params as unknown[])).rows }),
      );
    },
    close: () => lite.close(),
  };
}

export function openPostgres(url: string, max = 10): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  return {
    engine: 'postgres',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query(sql, params as unknown[])).rows as T[];
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <R>(sql: string, params: readonly unknown[] = []) =>
            (await client.query(sql, params as unknown[])).rows as R[],
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
