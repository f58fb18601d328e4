/** Migrations go up on an empty database, are idempotent, and the schema holds real rows and refuses bad ones. */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.ts';
import { insertOrg } from '../../src/store/orgs.ts';
import { createTestDb, TEST_ENGINE, type TestDb } from '../helpers/test-db.ts';

describe(`migrations (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let ids: { org: string; user: string; viewer: string; product: string };
  beforeAll(async () => {
    t = await createTestDb();
    const org = await insertOrg(t.db, 'm-org', 'Migration org');
    const [user] = await t.db.query<{ id: string }>(`INSERT INTO users (email, name) VALUES ('o@x.co', 'O') RETURNING id`);
    const [viewer] = await t.db.query<{ id: string }>(`INSERT INTO users (email, name) VALUES ('v@x.co', 'V') RETURNING id`);
    await t.db.query(`INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, 'lead'), ($1, $3, 'viewer')`, [org.id, user!.id, viewer!.id]);
    const [product] = await t.db.query<{ id: string }>(`INSERT INTO products (org_id, key, name) VALUES ($1, 'p', 'P') RETURNING id`, [org.id]);
    ids = { org: org.id, user: user!.id, viewer: viewer!.id, product: product!.id };
  });
  afterAll(async () => t.drop());

  const zone = (fields: Record<string, unknown>) => {
    const row = { org_id: ids.org, product_id: ids.product, key: `z${Math.random().toString(36).slice(2, 8)}`, name: 'Z', tier: 'tier1', buckets: ['user_wellbeing'], owner_id: ids.user, ...fields };
    const cols = Object.keys(row);
    return t.db.query(`INSERT INTO zones (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
  };

  it('is idempotent: a second run applies nothing', async () => {
    const files = readdirSync(new URL('../../src/store/migrations/', import.meta.url)).filter((f) => f.endsWith('.sql')).sort();
    expect(files[0]).toBe('001_foundation.sql');
    expect(await migrate(t.db)).toEqual({ applied: [], current: files.at(-1) });
    const rows = await t.db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(files);
  });

  it('compresses a finding\'s large values with lz4 where the engine has it, and leaves the default elsewhere', async () => {
    const [setting] = await t.db.query<{ lz4: boolean }>(
      `SELECT 'lz4' = ANY (enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`);
    const columns = await t.db.query<{ attname: string; attcompression: string }>(
      `SELECT attname, attcompression::text AS attcompression FROM pg_attribute
        WHERE attrelid = 'findings'::regclass AND attname IN ('evidence', 'description', 'mitigation', 'title') ORDER BY attname`);
    const expected = setting!.lz4 ? 'l' : '';
    expect(columns).toEqual([
      { attname: 'description', attcompression: expected },
      { attname: 'evidence', attcompression: expected },
      { attname: 'mitigation', attcompression: expected },
      { attname: 'title', attcompression: '' },
    ]);
    // CI's PostgreSQL (Debian's build) has lz4: there the migration must have taken effect.
    if (TEST_ENGINE === 'postgres') expect(setting!.lz4).toBe(true);
  });

  it('drops the run_findings rows of new findings that the findings themselves record (015)', async () => {
    const [run] = await t.db.query<{ id: string; imported_at: Date }>(
      `INSERT INTO runs (org_id, format, tool, file_name, checksum, size_bytes, actor, imported_at, counts)
       VALUES ($1, 'sarif', 't', 'f', 'c-015', 1, 'a', '2026-03-01T10:00:00Z', '{}') RETURNING id, imported_at`, [ids.org]);
    const finding = async (fp: string, firstSeen: string, firstRun: string | null) => (await t.db.query<{ id: string }>(
      `INSERT INTO findings (org_id, format, fingerprint, title, severity, rule_id, first_seen_at, status_changed_at, first_run_id, content_hash)
       VALUES ($1, 'sarif', $2, 'T', 'high', 'r', $3, $3, $4, '') RETURNING id`, [ids.org, fp, firstSeen, firstRun]))[0]!.id;
    const agrees = await finding('fp-015-a', '2026-03-01T10:00:00Z', run!.id);
    const otherTime = await finding('fp-015-b', '2026-02-01T10:00:00Z', run!.id);
    const noRun = await finding('fp-015-c', '2026-03-01T10:00:00Z', null);
    await t.db.query(`INSERT INTO run_findings (run_id, finding_id, outcome) VALUES ($1, $2, 'new'), ($1, $3, 'new'), ($1, $4, 'new')`,
      [run!.id, agrees, otherTime, noRun]);
    const sql = readFileSync(new URL('../../src/store/migrations/015_new_outcome_derived.sql', import.meta.url), 'utf8');
    await t.db.query(sql);
    const left = await t.db.query<{ finding_id: string }>('SELECT finding_id FROM run_findings WHERE run_id = $1', [run!.id]);
    expect(left.map((r) => r.finding_id).sort()).toEqual([otherTime, noRun].sort());
  });

  it('stores a valid zone', async () => {
    await expect(zone({})).resolves.toBeDefined();
  });

  it.each([
    ['no owner', { owner_id: null }, /null value in column "owner_id"/],
    ['an owner who is not a member', { owner_id: '00000000-0000-0000-0000-000000000000' }, /foreign key/],
    ['no bucket', { buckets: [] }, /check constraint/],
    ['an unknown bucket', { buckets: ['vibes'] }, /check constraint/],
    ['an unknown tier', { tier: 'tier5' }, /check constraint/],
    ['the owner as deputy', { deputy_id: '$owner' }, /check constraint/],
    ['a key with spaces', { key: 'Not A Key' }, /check constraint/],
  ])('refuses a zone with %s', async (_name, fields, error) => {
    const f = { ...fields } as Record<string, unknown>;
    if (f.deputy_id === '$owner') f.deputy_id = ids.user;
    await expect(zone(f)).rejects.toThrow(error);
  });

  it('refuses an upper-case email and an unknown role', async () => {
    await expect(t.db.query(`INSERT INTO users (email, name) VALUES ('Upper@X.co', 'U')`)).rejects.toThrow(/check constraint/);
    await expect(t.db.query(`INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, 'owner')`, [ids.org, ids.viewer]))
      .rejects.toThrow(/duplicate key|check constraint/);
  });

  it('keeps one chain head per organization, at genesis', async () => {
    const [head] = await t.db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_heads WHERE org_id = $1', [ids.org]);
    expect(head).toEqual({ seq: 0, hash: '0'.repeat(64) });
  });
});
