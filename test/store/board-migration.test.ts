/** Migration 011 (review board) with real rows: its checks, and the queue kinds it adds without dropping others'. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrg } from '../../src/store/orgs.ts';
import { createTestDb, TEST_ENGINE, type TestDb } from '../helpers/test-db.ts';

describe(`migration 011_review_board (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let org: string;
  let user: string;
  beforeAll(async () => {
    t = await createTestDb();
    org = (await insertOrg(t.db, 'b-org', 'Board org')).id;
    user = (await t.db.query<{ id: string }>(`INSERT INTO users (email, name) VALUES ('b@x.co', 'B') RETURNING id`))[0]!.id;
  });
  afterAll(async () => t.drop());

  const session = (date: string, extra = '', values = '') => t.db.query<{ id: string }>(
    `INSERT INTO board_sessions (org_id, scheduled_on, cadence_days, created_by, created_at, updated_at${extra})
     VALUES ($1, $2, 14, 'test', now(), now()${values}) RETURNING id`, [org, date]);

  it('keeps one session per date, and a held or closed one has its times', async () => {
    await session('2026-03-02');
    await expect(session('2026-03-02')).rejects.toThrow(/duplicate key/);
    await expect(session('2026-03-16', ', status', ", 'held'")).rejects.toThrow(/check constraint/);
    await expect(session('2026-03-16', ', status, held_at', ", 'closed', now()")).rejects.toThrow(/check constraint/);
  });

  it('adds board.action to the queue kinds and keeps the kinds other migrations added', async () => {
    const [s] = await session('2026-04-13');
    const [a] = await t.db.query<{ id: string }>(
      `INSERT INTO board_action_items (org_id, session_id, position, text, owner_id, due_on, created_by, created_at)
       VALUES ($1, $2, 1, 'Call legal', $3, '2026-04-20', 'test', now()) RETURNING id`, [org, s!.id, user]);
    await expect(t.db.query(`INSERT INTO queue_items (org_id, user_id, kind, board_action_id, created_at) VALUES ($1, $2, 'board.action', $3, now())`,
      [org, user, a!.id])).resolves.toBeDefined();
    const [def] = await t.db.query<{ d: string }>(
      `SELECT pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE conname = 'queue_items_kind_check' AND conrelid = 'queue_items'::regclass`);
    for (const kind of ['board.action', 'finding.regressed', 'remediation.assigned', 'remediation.validate', 'remediation.escalated', 'risk_acceptance.expired']) {
      expect(def!.d).toContain(`'${kind}'`);
    }
    await expect(t.db.query(`INSERT INTO queue_items (org_id, user_id, kind, created_at) VALUES ($1, $2, 'board.nonsense', now())`, [org, user]))
      .rejects.toThrow(/check constraint/);
    await expect(t.db.query(`UPDATE board_action_items SET status = 'done' WHERE id = $1`, [a!.id])).rejects.toThrow(/check constraint/);
    const [p] = await t.db.query<{ board_cadence_days: number }>(
      `INSERT INTO org_policies (org_id, priority_weights, sla_days) VALUES ($1, '{}', '{}') RETURNING board_cadence_days`, [org]);
    expect(p!.board_cadence_days).toBe(14);
  });
});
