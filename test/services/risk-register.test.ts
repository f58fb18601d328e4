/** The residual risk register: recording, signatures (critical needs an admin), revocation, expiry reopening findings, the export. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotAllowedError } from '../../src/domain/errors.ts';
import { createRiskExpiryService, expireAcceptances } from '../../src/services/risk-expiry.ts';
import { riskRegisterCsv, RISK_CSV_COLUMNS } from '../../src/services/risk-register-csv.ts';
import { createRiskRegisterService } from '../../src/services/risk-register.ts';
import { createTriageService } from '../../src/services/triage.ts';
import { makeZone, useWorld } from '../helpers/factories.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';

describe(`residual risk register (${TEST_ENGINE})`, () => {
  const ctx = useWorld();
  let clock = new Date('2026-04-01T10:00:00.000Z');
  const risks = () => createRiskRegisterService({ db: ctx.t.db, now: () => clock });
  const expiry = () => createRiskExpiryService({ db: ctx.t.db, now: () => clock });
  const finding = async (zone: string, severity: 'critical' | 'high' | 'medium' = 'high') =>
    (await ctx.w.services.findings.create(ctx.w.system, { zone, title: `Gap ${Math.random().toString(36).slice(2, 8)}`, severity })).id;
  const base = { justification: 'Fix ships with the Q3 model; the filter catches most', reviewOn: '2026-05-01', expiresOn: '2026-06-01' };

  it('records an acceptance directly with its findings, which leave triage', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    const f1 = await finding(zone.key, 'high');
    const f2 = await finding(zone.key, 'medium');
    const r = await risks().create(people.lead.actor, {
      ...base, zone: zone.key, title: 'Jailbreaks via role-play stay possible', residualSeverity: 'medium', findingIds: [f1, f2],
      compensatingControls: 'Output classifier; weekly sampling', exposureAmount: 120, exposureUnit: 'conversations/month',
    });
    expect(r).toMatchObject({
      key: expect.stringMatching(/^RISK-\d+$/), status: 'draft', title: 'Jailbreaks via role-play stay possible', residualSeverity: 'medium',
      exposure: { text: '', amount: 120, unit: 'conversations/month' }, reviewOn: '2026-05-01', expiresOn: '2026-06-01', daysToExpiry: 61,
      findingCount: 2, worstFindingSeverity: 'high', zone: { key: zone.key, ownerId: people.lead.id },
      approval: { required: ['owner'], signed: [], missing: [{ capacity: 'owner', who: "the zone's owner (Lee Lead)" }] },
      permissions: { canEdit: true, canApprove: true, canRevoke: true },
    });
    expect(r.findings.map((f) => f.triage)).toEqual(['accepted_risk', 'accepted_risk']);
    const queue = await createTriageService({ db: ctx.t.db }).queue(people.lead.actor, { zone: zone.key, limit: 50, offset: 0 });
    expect(queue.items.map((i) => i.id)).not.toContain(f1);
    // refusals name the field
    await expect(risks().create(people.lead.actor, { ...base, zone: zone.key, title: 'x', expiresOn: '2026-04-01' }))
      .rejects.toMatchObject({ issues: [{ field: 'expiresOn' }] });
    await expect(risks().create(people.lead.actor, { ...base, zone: zone.key, title: 'x', exposureAmount: 5 }))
      .rejects.toMatchObject({ issues: [{ field: 'exposureUnit' }] });
    await expect(risks().create(people.lead.actor, { ...base, zone: zone.key, title: 'x', reviewOn: '2026-07-01' }))
      .rejects.toMatchObject({ issues: [{ field: 'reviewOn' }] });
    await expect(risks().create(people.lead2.actor, { ...base, zone: zone.key, title: 'x' })).rejects.toThrow(/only when they own the zone/);
    await expect(risks().create(people.contributor.actor, { ...base, zone: zone.key, title: 'x' })).rejects.toBeInstanceOf(NotAllowedError);
    const other = await makeZone(ctx.w, people.lead.id);
    await expect(risks().create(people.lead.actor, { ...base, zone: other.key, title: 'x', findingIds: [await finding(zone.key)] }))
      .rejects.toMatchObject({ issues: [{ field: 'findingIds' }] });
  });

  it('is approved by the zone owner alone below critical; a critical residual risk also needs another person, an admin', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier1' });
    const low = await risks().create(people.lead.actor, { ...base, zone: zone.key, title: 'Minor leak', residualSeverity: 'low' });
    await expect(risks().approve(people.admin.actor, low.id)).rejects.toThrow("Only the zone's owner (Lee Lead) may approve this acceptance");
    const approved = await risks().approve(people.lead.actor, low.key);
    expect(approved).toMatchObject({ status: 'approved', approvedAt: clock.toISOString(), approval: { missing: [] } });
    expect(approved.approval.signed).toEqual([expect.objectContaining({ capacity: 'owner', name: 'Lee Lead' })]);
    await expect(risks().update(people.lead.actor, low.id, { title: 'Changed' })).rejects.toBeInstanceOf(ConflictError);

    const crit = await risks().create(people.lead.actor, { ...base, zone: zone.key, title: 'Self-harm bypass in Spanish', residualSeverity: 'critical' });
    expect(crit.approval).toMatchObject({ required: ['owner', 'admin'] });
    let after = await risks().approve(people.lead.actor, crit.id);
    expect(after).toMatchObject({ status: 'draft', approval: { missing: [{ capacity: 'admin', who: 'an admin other than the owner' }] } });
    await expect(risks().approve(people.lead.actor, crit.id)).rejects.toThrow(/already signed this acceptance as owner; still needed: an admin/);
    await expect(risks().approve(people.lead2.actor, crit.id)).rejects.toBeInstanceOf(NotAllowedError);
    after = await risks().approve(people.admin.actor, crit.id);
    expect(after.status).toBe('approved');
    expect(after.approval.signed.map((s) => [s.capacity, s.name])).toEqual([['owner', 'Lee Lead'], ['admin', 'Ada Admin']]);

    // an owner who is an admin cannot sign twice
    const adminZone = await makeZone(ctx.w, people.admin.id);
    const own = await risks().create(people.admin.actor, { ...base, zone: adminZone.key, title: 'Admin-owned', residualSeverity: 'critical' });
    await risks().approve(people.admin.actor, own.id);
    await expect(risks().approve(people.admin.actor, own.id)).rejects.toThrow(/already signed.*still needed: an admin other than the owner/);

    // no approval without residual severity and review date; editing a draft drops signatures
    const bare = await risks().create(people.lead.actor, { zone: zone.key, title: 'Bare', justification: 'because', expiresOn: '2026-09-01' });
    await expect(risks().approve(people.lead.actor, bare.id)).rejects.toMatchObject({
      issues: [{ field: 'residualSeverity' }, { field: 'reviewOn' }],
    });
    // The draft's page says so before anyone tries: what is missing, and no one can sign yet.
    expect(bare.permissions.canApprove).toBe(false);
    expect(bare.approvalBlockers).toEqual([
      { field: 'residualSeverity', message: 'say how severe the residual risk is before approving it' },
      { field: 'reviewOn', message: 'set a review date before approving' },
    ]);
    const completed = await risks().update(people.lead.actor, bare.id, { residualSeverity: 'low', reviewOn: '2026-08-01' });
    expect(completed).toMatchObject({ approvalBlockers: [], permissions: { canApprove: true } });
    expect((await risks().approve(people.lead.actor, bare.id)).approvalBlockers).toEqual([]);
    const crit2 = await risks().create(people.lead.actor, { ...base, zone: zone.key, title: 'Second', residualSeverity: 'critical' });
    await risks().approve(people.lead.actor, crit2.id);
    const edited = await risks().update(people.lead.actor, crit2.id, { compensatingControls: 'Human review of every flagged reply' });
    expect(edited.approval.signed).toEqual([]);
  });

  it('revokes with a reason: findings go back to triage', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    const f = await finding(zone.key);
    const r = await risks().create(people.lead.actor, { ...base, zone: zone.key, title: 'Temporary', residualSeverity: 'high', findingIds: [f] });
    await expect(risks().revoke(people.lead.actor, r.id, ' ')).rejects.toMatchObject({ issues: [{ field: 'reason' }] });
    await expect(risks().revoke(people.viewer.actor, r.id, 'no longer')).rejects.toBeInstanceOf(NotAllowedError);
    const revoked = await risks().revoke(people.lead.actor, r.id, 'The fix shipped early');
    expect(revoked).toMatchObject({ status: 'revoked', revokeReason: 'The fix shipped early', lapsedFindings: 1 });
    expect((await ctx.w.services.findings.get(people.viewer.actor, f)).triage.state).toBe('untriaged');
    await expect(risks().revoke(people.lead.actor, r.id, 'again')).rejects.toThrow('The acceptance is already revoked');
  });

  it('expiry reopens the findings into the owner queue, once; each lapse is an event', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead2.id);
    const f1 = await finding(zone.key, 'critical');
    const f2 = await finding(zone.key, 'high');
    // a draft made at triage, and an approved entry recorded directly
    const triage = createTriageService({ db: ctx.t.db, now: () => clock });
    const decided = await triage.decide(people.lead2.actor, {
      findingIds: [f1], decision: 'accept_risk', rationale: 'Launch needs it',
      acceptance: { justification: 'Rate limit in front', expiresOn: '2026-04-10' },
    });
    const draft = await risks().get(people.viewer.actor, decided.riskAcceptanceId!);
    expect(draft).toMatchObject({ status: 'draft', title: expect.stringMatching(/^Accepted risk: Gap /), expiresOn: '2026-04-10' });
    const approved = await risks().create(people.lead2.actor, { ...base, zone: zone.key, title: 'Approved one', residualSeverity: 'high', findingIds: [f2], reviewOn: '2026-04-05', expiresOn: '2026-04-12' });
    await risks().approve(people.lead2.actor, approved.id);
    const later = await risks().create(people.lead2.actor, { ...base, zone: zone.key, title: 'Later', residualSeverity: 'low' });

    // before the dates nothing lapses
    expect((await expiry().expire(people.admin.actor)).expired).toEqual([]);
    clock = new Date(Date.parse('2026-04-12T00:30:00Z'));
    const queueBefore = (await ctx.w.services.queue.list(people.lead2.actor)).items.length;
    const result = await expireAcceptances(ctx.t.db, clock);
    const mine = result.expired.filter((e) => e.orgId === ctx.w.orgId).map((e) => [e.key, e.findingsReopened]);
    expect(mine).toEqual([[draft.key, 1], [approved.key, 1]]);
    for (const id of [f1, f2]) {
      const f = await ctx.w.services.findings.get(people.viewer.actor, id);
      expect(f).toMatchObject({ status: 'open', triage: { state: 'untriaged' } });
    }
    const queue = await ctx.w.services.queue.list(people.lead2.actor);
    expect(queue.items.length - queueBefore).toBe(2);
    expect(queue.items.filter((i) => i.kind === 'risk_acceptance.expired').map((i) => i.finding?.id).sort()).toEqual([f1, f2].sort());
    expect(queue.items[0]!.message).toMatch(/^Risk acceptance expired: "Gap .*" is open again and back in your triage queue$/);
    const tq = await triage.queue(people.lead2.actor, { zone: zone.key, limit: 50, offset: 0 });
    expect(tq.items.map((i) => i.id).sort()).toEqual([f1, f2].sort());
    expect(await risks().get(people.viewer.actor, approved.id)).toMatchObject({ status: 'expired', lapsedFindings: 1, expiredAt: clock.toISOString() });
    expect((await risks().get(people.viewer.actor, later.id)).status).toBe('draft');

    // idempotent: a second sweep (or the CLI right after the server's timer) changes nothing
    const again = await expireAcceptances(ctx.t.db, new Date(clock.getTime() + 3_600_000));
    expect(again.expired.filter((e) => e.orgId === ctx.w.orgId)).toEqual([]);
    expect((await ctx.w.services.queue.list(people.lead2.actor)).items.length).toBe(queue.items.length);
    const events = await ctx.w.services.audit.history(people.admin.actor, 'risk_acceptance', approved.id, 20);
    expect(events.filter((e) => e.action === 'risk_acceptance.expired')).toEqual([
      expect.objectContaining({ actor: 'system:risk-expiry', after: { status: 'expired', expiresOn: '2026-04-12', findingsReopened: 1 } }),
    ]);
    const fEvents = await ctx.w.services.audit.history(people.admin.actor, 'finding', f2, 20);
    expect(fEvents[0]).toMatchObject({ action: 'finding.triaged', after: { triage: 'untriaged', reason: `${approved.key} expired` } });
    expect((await ctx.w.services.audit.verify(people.admin.actor)).ok).toBe(true);
    await expect(expiry().expire(people.lead.actor)).rejects.toBeInstanceOf(NotAllowedError);
  });

  it('filters the register and exports it as CSV rows', async () => {
    const { people } = ctx.w;
    clock = new Date('2026-04-01T10:00:00.000Z');
    const zone = await makeZone(ctx.w, people.lead.id);
    const soon = await risks().create(people.lead.actor, {
      ...base, zone: zone.key, title: 'Soon, "quoted", with comma', residualSeverity: 'high', reviewOn: '2026-04-05', expiresOn: '2026-04-08',
      exposureText: 'a few users', exposureAmount: 3.5, exposureUnit: 'users/day',
    });
    await risks().approve(people.lead.actor, soon.id);
    await risks().create(people.lead.actor, { ...base, zone: zone.key, title: 'Far', residualSeverity: 'low', expiresOn: '2026-12-01' });
    const within = await risks().list(people.viewer.actor, { zone: zone.key, expiringWithinDays: 30, limit: 50, offset: 0 });
    expect(within.items.map((r) => r.title)).toEqual(['Soon, "quoted", with comma']);
    expect(within.total).toBe(1);
    const lows = await risks().list(people.viewer.actor, { zone: zone.key, residualSeverity: ['low'], status: ['draft'], limit: 50, offset: 0 });
    expect(lows.items.map((r) => r.title)).toEqual(['Far']);
    await expect(risks().list(people.viewer.actor, { zone: 'nope', limit: 5, offset: 0 })).rejects.toBeInstanceOf(InputError);

    const all = await risks().listAll(people.viewer.actor, { zone: zone.key });
    const rows = parse(riskRegisterCsv(all)) as string[][];
    expect(rows[0]).toEqual(RISK_CSV_COLUMNS);
    expect(rows).toHaveLength(3);
    const row = Object.fromEntries(RISK_CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(row).toMatchObject({
      key: soon.key, status: 'approved', title: 'Soon, "quoted", with comma', zone_key: zone.key, owner: 'Lee Lead',
      residual_severity: 'high', exposure: 'a few users', exposure_amount: '3.5', exposure_unit: 'users/day', review_on: '2026-04-05',
      expires_on: '2026-04-08', days_to_expiry: '7', findings: '0', signed_by: 'Lee Lead (owner)', signatures_missing: '',
    });
    expect(rows[2]![1]).toBe('draft');
  });
});
