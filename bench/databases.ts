/**
 * Throw-away databases for a benchmark run: a PGlite data directory in a fresh temporary
 * directory, or a fresh `keel_bench_<random>` database on the local PostgreSQL, dropped after.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  engine: 'pglite' | 'postgres';
  /** The environment that points Keel (config.ts) at this database. */
  env: Record<string, string>;
  describe: string;
  /** The PostgreSQL database's name (to find its backends); null for PGlite. */
  databaseName: string | null;
  dispose(): Promise<void>;
}

export async function freshPglite(): Promise<BenchDatabase> {
  const root = await mkdtemp(join(tmpdir(), 'keel-bench-'));
  const dataDir = join(root, 'data');
  return {
    engine: 'pglite', env: { KEEL_DATA_DIR: dataDir }, describe: `PGlite, file-backed (${dataDir})`, databaseName: null,
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

/** A fresh database, or null (with the reason) when PostgreSQL is not reachable. */
export async function freshPostgres(): Promise<BenchDatabase | { unavailable: string }> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    await admin.end().catch(() => undefined);
    return { unavailable: `${POSTGRES_ADMIN_URL}: ${(err as Error).message}` };
  }
  const name = `keel_bench_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = `postgres://postgres@127.0.0.1:5432/${name}`;
  return {
    engine: 'postgres', env: { DATABASE_URL: url }, describe: `PostgreSQL (${url})`, databaseName: name,
    async dispose() {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The server version, for the report header. */
export async function postgresVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? 'unknown';
  } finally {
    await c.end();
  }
}
