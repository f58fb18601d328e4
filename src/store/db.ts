/**
 * The database handle. One SQL dialect (PostgreSQL), two engines: PGlite (embedded,
 * file-backed or in memory) and PostgreSQL (node-postgres pool). Repositories take a
 * `Queryable`, which is either the Db itself or an open transaction.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { backgroundCheckpoints } from './pglite-checkpoints.ts';

export interface Queryable {
  /**
   * Runs one statement. A `name` makes it a prepared statement on PostgreSQL (parsed and
   * planned once per connection): give one to the queries on every request's path.
   */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], name?: string): Promise<T[]>;
  /**
   * Runs `COPY <table> (<columns>) FROM STDIN` with `rows` in COPY text format (copy-text.ts):
   * the bulk path of imports, ~2× a multi-row INSERT on either engine (bench/, ADR 6).
   */
  copyIn(table: string, columns: readonly string[], rows: string): Promise<void>;
}

export type Engine = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly engine: Engine;
  /**
   * True when this process is the only writer (the embedded engine, whose data directory is
   * locked): then in-process caches may trust `commits` to see every change.
   */
  readonly singleWriter: boolean;
  /** Transactions committed through this handle. */
  readonly commits: number;
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;

/** How long after a write the embedded engine checkpoints (store/pglite-checkpoints.ts). */
export const PGLITE_CHECKPOINT_DELAY_MS = 10_000;
/** Statements outside a transaction that write nothing a checkpoint would flush. */
const READ_ONLY = /^\s*(SELECT|SHOW|EXPLAIN)\b/i;

/**
 * PGlite's start parameters (also those of the benchmark's raw COPY). They replace PGlite's
 * own (single-user mode and the rest), so they are given with them: without, the engine fails
 * to start (measured with 0.5.16). See DESIGN.md.
 * - max_wal_size: bulk loads otherwise grow the WAL to ~1 GB (measured).
 * - full_page_writes off: PGlite runs with fsync off (its own -F), so an OS crash or power
 *   loss can already lose or tear what was written; the page images guard against nothing
 *   more. A bulk triage of 10,000 findings wrote 171 MB of WAL with them, 12 MB without.
 * - shared_buffers 256MB (PGlite's default 128MB): that triage dirties ~26,000 pages (200 MB);
 *   with 128 MB the UPDATE wrote back ~11,000 of them mid-statement and took 0.3 s longer.
 */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'max_wal_size=128MB', '-c', 'full_page_writes=off', '-c', 'shared_buffers=256MB'];

export async function openPglite(dataDir: string | undefined): Promise<Db> {
  // int8 as numbers, as openPostgres does; numeric stays text on both engines (the store converts it).
  const parsers = { [INT8]: (v: string) => Number(v) };
  const lite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    startParams: PGLITE_START_PARAMS,
    parsers,
  }).catch(() =>
    // A build that refuses the setting starts with its defaults.
    PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers }),
  );
  let commits = 0;
  const checkpoints = backgroundCheckpoints(() => lite.query('CHECKPOINT'), PGLITE_CHECKPOINT_DELAY_MS);
  // PGlite reads COPY … FROM '/dev/blob' from a Blob passed with the statement.
  const copyIn = (on: PGlite | Transaction) => async (table: string, columns: readonly string[], rows: string) => {
    await on.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([rows]) });
  };
  return {
    engine: 'pglite',
    singleWriter: true,
    get commits() { return commits; },
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const rows = (await lite.query<T>(sql, params as unknown[])).rows;
      if (!READ_ONLY.test(sql)) checkpoints.wrote();
      return rows;
    },
    async copyIn(table, columns, rows) {
      await copyIn(lite)(table, columns, rows);
      checkpoints.wrote();
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const result = await lite.transaction((tx) =>
        fn({
          query: async <R>(sql: string, params: readonly unknown[] = []) => (await tx.query<R>(sql, params as unknown[])).rows,
          copyIn: copyIn(tx),
        }),
      );
      commits += 1;
      checkpoints.wrote();
      return result;
    },
    async close() {
      await checkpoints.stop();
      await lite.close();
    },
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
  let commits = 0;
  const run = (client: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[], name?: string) =>
    client.query(name ? { name, text: sql, values: params as unknown[] } : { text: sql, values: params as unknown[] });
  const copyIn = (client: pg.PoolClient) => async (table: string, columns: readonly string[], rows: string) => {
    await pipeline(Readable.from([Buffer.from(rows)]), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
  };
  return {
    engine: 'postgres',
    singleWriter: false,
    get commits() { return commits; },
    async query<T>(sql: string, params: readonly unknown[] = [], name?: string) {
      return (await run(pool, sql, params, name)).rows as T[];
    },
    async copyIn(table: string, columns: readonly string[], rows: string) {
      const client = await pool.connect();
      try {
        await copyIn(client)(table, columns, rows);
      } finally {
        client.release();
      }
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <R>(sql: string, params: readonly unknown[] = [], name?: string) =>
            (await run(client, sql, params, name)).rows as R[],
          copyIn: copyIn(client),
        });
        await client.query('COMMIT');
        commits += 1;
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
