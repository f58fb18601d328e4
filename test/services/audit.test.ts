/** The audit trail: every change is an event in the same transaction, and tampering is detected. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, TEST_ENGINE, type TestDb } from '../helpers/test-db.ts';
import { makeWorld, makeZone, type World } from '../helpers/factories.ts';

describe(`audit trail (${TEST_ENGINE})`, () => {
  // One database; each test gets its own organization, whose chain is its own.
  let t: TestDb;
  let w: World;
  beforeAll(async () => { t = await createTestDb(); });
  beforeEach(async () => {
    w = await makeWorld(t.db);
    const z = await makeZone(w, w.people.lead.id);
    await w.services.zones.update(w.people.lead.actor, z.key, { tier: 'tier1', description: 'now critical' });
    await w.services.zones.handoff(w.people.lead.actor, z.key, { toUserId: w.people.lead2.id, reason: 'rotation' });
  });
  afterAll(async () => t.drop());

  it('verifies an untouched chain and records before/after of a change', async () => {
    const result = await w.services.audit.verify(w.people.reviewer.actor);
    expect(result.ok).toBe(true);
    expect(result.checked).toBe(result.headSeq);
    expect(result.checked).toBeGreaterThan(8);
    const [update] = (await w.services.audit.recent(w.system, 50)).filter((e) => e.action === 'zone.updated');
    expect(update!.before).toMatchObject({ tier: 'tier2', description: '' });
    expect(update!.after).toMatchObject({ tier: 'tier1', description: 'now critical' });
    expect(update!.actor).toBe(`user:${w.people.lead.id}`);
    expect(update!.actorName).toBe('Lee Lead');
  });

  it('chains a bulk decision written by COPY (300 findings at once) exactly as single events, text with tabs and quotes intact', async () => {
    const zone = await makeZone(w, w.people.lead.id);
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      ids.push((await w.services.findings.create(w.people.lead.actor, { zone: zone.key, title: `Leak ${i}`, severity: 'low' })).id);
    }
    const reason = 'Scanner noise:\ttab, "quotes", back\\slash\nand a new line';
    await w.services.triage.decide(w.people.lead.actor, { findingIds: ids, decision: 'false_positive', rationale: reason });
    const result = await w.services.audit.verify(w.people.reviewer.actor);
    expect(result.ok).toBe(true);
    const triaged = (await w.services.audit.recent(w.system, 400)).filter((e) => e.action === 'finding.triaged');
    expect(triaged).toHaveLength(300);
    expect(new Set(triaged.map((e) => e.entityId))).toEqual(new Set(ids));
    expect(triaged[0]!.after).toMatchObject({ triage: 'false_positive', reason, remediationId: null });
  });

  it('detects an event edited directly in SQL', async () => {
    const [target] = (await w.services.audit.recent(w.system, 50)).filter((e) => e.action === 'zone.updated');
    await t.db.query(`UPDATE events SET after = jsonb_set(after, '{tier}', '"tier4"') WHERE org_id = $1 AND seq = $2`, [w.orgId, target!.seq]);
    const result = await w.services.audit.verify(w.system);
    expect(result).toMatchObject({ ok: false, checked: target!.seq - 1, break: { seq: target!.seq, reason: 'hash' } });
    expect(result.break!.message).toMatch(/altered/);
  });

  it('detects an edited actor even when the hash column is recomputed naively', async () => {
    await t.db.query(`UPDATE events SET actor = 'user:00000000-0000-0000-0000-000000000000', hash = md5(hash) || md5(hash) WHERE org_id = $1 AND seq = 3`, [w.orgId]);
    const result = await w.services.audit.verify(w.system);
    expect(result.ok).toBe(false);
    expect(result.break!.seq).toBe(3);
  });

  it('detects a deleted event in the middle and at the end', async () => {
    await t.db.query('DELETE FROM events WHERE org_id = $1 AND seq = 4', [w.orgId]);
    expect(await w.services.audit.verify(w.system)).toMatchObject({ ok: false, break: { seq: 4, reason: 'gap' } });

    const w2 = await makeWorld(t.db);
    const head = await w2.services.audit.verify(w2.system);
    await t.db.query('DELETE FROM events WHERE org_id = $1 AND seq = $2', [w2.orgId, head.headSeq]);
    const result = await w2.services.audit.verify(w2.system);
    expect(result).toMatchObject({ ok: false, checked: head.headSeq - 1, break: { reason: 'gap' } });
    expect(result.break!.message).toMatch(/last events were deleted/);
  });

  it('a failed change writes no event (same transaction)', async () => {
    const before = await w.services.audit.verify(w.system);
    const z = await makeZone(w, w.people.lead.id);
    const afterCreate = await w.services.audit.verify(w.system);
    await expect(w.services.zones.handoff(w.people.lead.actor, z.key, { toUserId: w.people.viewer.id, reason: 'to a viewer' })).rejects.toThrow();
    const after = await w.services.audit.verify(w.system);
    expect(afterCreate.headSeq).toBe(before.headSeq + 1);
    expect(after).toMatchObject({ ok: true, headSeq: afterCreate.headSeq });
  });

  it('chains are per organization: tampering in one does not break another', async () => {
    const other = await makeWorld(t.db);
    await t.db.query(`UPDATE events SET action = 'zone.deleted' WHERE org_id = $1 AND seq = 2`, [w.orgId]);
    expect((await w.services.audit.verify(w.system)).ok).toBe(false);
    expect((await other.services.audit.verify(other.system)).ok).toBe(true);
  });

  it('only admins and reviewers may verify', async () => {
    await expect(w.services.audit.verify(w.people.viewer.actor)).rejects.toThrow(/may not verify the audit trail/);
  });
});
