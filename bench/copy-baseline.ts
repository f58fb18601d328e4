/**
 * The floor an import is compared with: raw COPY of the same findings rows (copy-rows.ts) into
 * a table shaped like `findings`, on the same engine and database as the import.
 *   - bare:    LIKE findings INCLUDING DEFAULTS INCLUDING COMPRESSION — the columns, NOT NULLs,
 *              defaults and value compression (lz4 where migration 014 set it), no index;
 *   - indexed: LIKE findings INCLUDING ALL — also its CHECKs and its indexes (the primary key,
 *              the identity index on org/zone/format/fingerprint and the listing indexes).
 * PostgreSQL: `COPY … FROM STDIN` streamed from the file (pg-copy-streams). PGlite: `COPY … FROM
 * '/dev/blob'` with the file passed as a Blob (read into memory before the clock starts).
 * Only the COPY statement is timed (autocommit: its commit included); the table is dropped after.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PGLITE_START_PARAMS } from '../src/store/db.ts';
import type { CopyRowsFile, TableColumn } from './copy-rows.ts';
import type { BenchDatabase } from './databases.ts';

export type CopyTable = 'bare' | 'indexed';

export const COPY_TABLES: Record<CopyTable, string> = {
  bare: 'LIKE findings INCLUDING DEFAULTS INCLUDING COMPRESSION',
  indexed: 'LIKE findings INCLUDING ALL',
};

export interface CopyResult { table: CopyTable; rows: number; seconds: number; indexes: number }

const TABLE = 'bench_copy';
const copySql = (file: CopyRowsFile, source: string) => `COPY ${TABLE} (${file.columns.join(', ')}) FROM ${source}`;

interface Connection {
  query<T>(sql: string): Promise<T[]>;
  /** Runs the COPY of `file` into bench_copy; returns its seconds. */
  copy(file: CopyRowsFile): Promise<number>;
  close(): Promise<void>;
}

export interface CopySession {
  /** The columns of `findings` as the engine has them (name, and NOT NULL without default). */
  findingsColumns(): Promise<TableColumn[]>;
  measure(file: CopyRowsFile, table: CopyTable): Promise<CopyResult>;
}

function session(c: Connection): CopySession {
  return {
    async findingsColumns() {
      return c.query<TableColumn>(`SELECT column_name AS name, (is_nullable = 'NO' AND column_default IS NULL) AS required
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'findings' ORDER BY ordinal_position`);
    },
    async measure(file, table) {
      await c.query(`DROP TABLE IF EXISTS ${TABLE}`);
      await c.query(`CREATE TABLE ${TABLE} (${COPY_TABLES[table]})`);
      try {
        const seconds = await c.copy(file);
        const [count] = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${TABLE}`);
        if (count?.n !== file.rows) throw new Error(`COPY into ${TABLE} (${table}) left ${String(count?.n)} rows, expected ${file.rows}`);
        const [indexes] = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = '${TABLE}'`);
        return { table, rows: file.rows, seconds, indexes: indexes?.n ?? 0 };
      } finally {
        await c.query(`DROP TABLE IF EXISTS ${TABLE}`);
      }
    },
  };
}

async function postgresConnection(url: string): Promise<Connection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async <T>(sql: string) => (await client.query(sql)).rows as T[],
    async copy(file) {
      const started = performance.now();
      await pipeline(createReadStream(file.path, { highWaterMark: 1 << 20 }), client.query(copyFrom(copySql(file, 'STDIN'))));
      return (performance.now() - started) / 1000;
    },
    close: () => client.end(),
  };
}

/** The PGlite data directory, opened with Keel's start parameters. Keel must have closed the directory first. */
async function pgliteConnection(dataDir: string): Promise<Connection> {
  const lite = await PGlite.create({ dataDir, startParams: PGLITE_START_PARAMS });
  return {
    query: async <T>(sql: string) => (await lite.query<T>(sql)).rows,
    async copy(file) {
      const blob = new Blob([await readFile(file.path)]);
      const started = performance.now();
      await lite.query(copySql(file, `'/dev/blob'`), [], { blob });
      return (performance.now() - started) / 1000;
    },
    close: () => lite.close(),
  };
}

/** A connection to the benchmark database for the COPY runs, closed when `fn` is done. */
export async function withCopySession<T>(db: BenchDatabase, fn: (s: CopySession) => Promise<T>): Promise<T> {
  const connection = db.engine === 'postgres' ? await postgresConnection(db.env.DATABASE_URL!) : await pgliteConnection(db.env.KEEL_DATA_DIR!);
  try {
    return await fn(session(connection));
  } finally {
    await connection.close();
  }
}
