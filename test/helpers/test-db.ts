/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new
 * database on the PostgreSQL server named by KEEL_TEST_DATABASE_URL (dropped afterwards).
 * CI runs the store and service tests once per engine.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrate.ts';

export const TEST_ENGINE = process.env.KEEL_TEST_DATABASE_URL ? 'postgres' : 'pglite';

export interface TestDb { db: Db; url: string | null; drop(): Promise<void> }

export async function createTestDb(): Promise<TestDb> {
  const admin = process.env.KEEL_TEST_DATABASE_URL;
  if (!admin) {
    const db = await openPglite(undefined);
    await migrate(db);
    return { db, url: null, drop: () => db.close() };
  }
  const name = `keel_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), 5);
  await migrate(db);
  return {
    db, url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
