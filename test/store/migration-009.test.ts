/** Migration 009 (risk register) with real rows: backfill of drafts from triage, the constraints it adds, the queue kind. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrg } from '../../src/store/orgs.ts';
import { createTestDb, TEST_ENGINE, type TestDb } from '../helpers/test-db.ts';

const SQL = readFileSync(new URL('../../src/store/migrations/009_risk_register.sql', import.meta.url), 'utf8');
/** The backfill statements of 009 (title and residual severity of drafts), run again on rows shaped as before it. */
const BACKFILL = SQL.split(/;\s*\n/).map((s) => s.replace(/^\s*--.*$/gm, '').trim())
  .filter((s) => /^UPDATE risk_acceptances r SET (title|residual_severity)/.test(s));

describe(`migration 009 (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let ids: { org: string; user: string; zone: string; risk: string; f1: string; f2: string };
  beforeAll(async () => {
    t = await createTestDb();
    const org = await insertOrg(t.db, 'm9-org', 'Migration 9');
    const [user] = await t.db.query<{ id: string }>(`INSERT INTO users (email, name) VALUES ('o9@x.co', 'O') RETURNING id`);
    await t.db.query(`INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, 'lead')`, [org.id, user!.id]);
    const [product] = await t.db.query<{ id: string }>(`INSERT INTO products (org_id, key, name) VALUES ($1, 'p', 'P') RETURNING id`, [org.id]);
    const [zone] = await t.db.query<{ id: string }>(
      `INSERT INTO zones (org_id, product_id, key, name, tier, buckets, owner_id) VALUES ($1, $2, 'z9', 'Z', 'tier1', '{user_wellbeing}', $3) RETURNING id`,
      [org.id, product!.id, user!.id]);
    // a draft as triage wrote it before 009: no title, no residual severity
    const [risk] = await t.db.query<{ id: string }>(
      `INSERT INTO risk_acceptances (org_id, number, zone_id, justification, expires_on, created_by, created_at, updated_at)
       VALUES ($1, 1, $2, 'Needed for launch', '2030-01-01', 'system:test', now(), now()) RETURNING id`, [org.id, zone!.id]);
    const finding = async (title: string, severity: string, seen: string) => (await t.db.query<{ id: string }>(
      `INSERT INTO findings (org_id, zone_id, format, fingerprint, title, severity, rule_id, first_seen_at, status_changed_at, triage, risk_acceptance_id)
       VALUES ($1, $2, 'manual', $3, $3, $4, 'r', $5, $5, 'accepted_risk', $6) RETURNING id`, [org.id, zone!.id, title, severity, seen, risk!.id]))[0]!.id;
    const f1 = await finding('Older medium gap', 'medium', '2026-01-01T00:00:00Z');
    const f2 = await finding('Newer high gap', 'high', '2026-02-01T00:00:00Z');
    ids = { org: org.id, user: user!.id, zone: zone!.id, risk: risk!.id, f1, f2 };
  });
  afterAll(async () => t.drop());

  it('titles a triage draft after its first finding and sets the worst severity', async () => {
    expect(BACKFILL).toHaveLength(2);
    for (const s of BACKFILL) await t.db.query(s);
    const [row] = await t.db.query<{ title: string; residual_severity: string }>('SELECT title, residual_severity FROM risk_acceptances WHERE id = $1', [ids.risk]);
    expect(row).toEqual({ title: 'Accepted risk: Older medium gap', residual_severity: 'high' });
  });

  it('refuses broken register rows', async () => {
    const bad = (set: string) => t.db.query(`UPDATE risk_acceptances SET ${set} WHERE id = $1`, [ids.risk]);
    await expect(bad(`status = 'approved'`)).rejects.toThrow(/check constraint/);
    await expect(bad(`status = 'revoked', revoked_at = now()`)).rejects.toThrow(/check constraint/);
    await expect(bad(`exposure_amount = 5`)).rejects.toThrow(/check constraint/);
    await expect(bad(`review_on = '2031-01-01'`)).rejects.toThrow(/check constraint/);
    await expect(bad(`residual_severity = 'severe'`)).rejects.toThrow(/check constraint/);
    await expect(bad(`exposure_amount = 5, exposure_unit = 'users/day', review_on = '2029-12-01'`)).resolves.toBeDefined();
    await expect(t.db.query(`INSERT INTO risk_acceptances (org_id, number, justification, expires_on, created_by, created_at, updated_at)
      VALUES ($1, 1, 'dup', '2030-01-01', 's', now(), now())`, [ids.org])).rejects.toThrow(/duplicate key/);
  });

  it('takes one signature per capacity and the new queue kind, and still refuses unknown kinds', async () => {
    const sign = (capacity: string) => t.db.query(
      `INSERT INTO risk_acceptance_approvals (risk_acceptance_id, org_id, capacity, signer, user_id, signed_at) VALUES ($1, $2, $3, 'user:x', $4, now())`,
      [ids.risk, ids.org, capacity, ids.user]);
    await expect(sign('owner')).resolves.toBeDefined();
    await expect(sign('owner')).rejects.toThrow(/duplicate key/);
    await expect(sign('board')).rejects.toThrow(/check constraint/);
    const queue = (kind: string) => t.db.query(
      `INSERT INTO queue_items (org_id, user_id, kind, finding_id, risk_acceptance_id, created_at) VALUES ($1, $2, $3, $4, $5, now())`,
      [ids.org, ids.user, kind, ids.f1, ids.risk]);
    await expect(queue('risk_acceptance.expired')).resolves.toBeDefined();
    await expect(queue('finding.regressed')).resolves.toBeDefined();
    await expect(queue('risk.whatever')).rejects.toThrow(/check constraint/);
  });
});
