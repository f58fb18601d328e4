/** Launch gates: each check failing and passing on real records, go / pause by the zone owner, overrides co-signed by a second person who is an admin. */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotAllowedError } from '../../src/domain/errors.ts';
import { userActor } from '../../src/services/actor.ts';
import { createLaunchService } from '../../src/services/launches.ts';
import { makeZone, useWorld } from '../helpers/factories.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';

const DAY = 86_400_000;

describe(`launch gates (${TEST_ENGINE})`, () => {
  const ctx = useWorld();
  let clock = new Date();
  const launches = () => createLaunchService({ db: ctx.t.db, now: () => clock });
  const status = async (ref: string, key: string) => (await launches().gate(ctx.w.system, ref)).evaluation.checks.find((c) => c.key === key)!;

  async function approvedPrd(zoneKey: string, ownerActor = ctx.w.people.lead.actor) {
    const s = ctx.w.services.prds;
    const prd = await s.create(ownerActor, {
      zone: zoneKey, title: `PRD ${zoneKey}`,
      failureModes: [{ harm: 'Self-harm content slips through', bucket: 'user_wellbeing', severity: 'high', likelihood: 'possible', mitigation: 'Classifier' }],
    });
    await s.submit(ownerActor, prd.id);
    return s.approve(ownerActor, prd.id);
  }

  async function donePremortem(zoneKey: string) {
    const s = ctx.w.services.premortems;
    const pm = await s.create(ctx.w.people.contributor.actor, {
      zone: zoneKey, release: 'v4.2', heldOn: '2026-03-01', participants: ['Lee Lead', 'Red Co'],
      scenarios: [{ scenario: 'the crisis flow missed slang', causes: 'Eval set is formal English', mitigations: ['Add slang probes'] }],
    });
    return s.setDone(ctx.w.people.contributor.actor, pm.id, true);
  }

  async function kpi(zoneId: string, key: string, direction: 'lower' | 'higher', measures: 'outcome' | 'activity', points: [Date, number][]) {
    const [row] = await ctx.t.db.query<{ id: string }>(
      `INSERT INTO kpis (org_id, zone_id, key, name, unit, direction, kind, measures, cadence, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, '%', $5, 'outcome', $6, 'weekly', 'system:test', now(), now()) RETURNING id`,
      [ctx.w.orgId, zoneId, key, `KPI ${key}`, direction, measures]);
    for (const [at, value] of points) {
      await ctx.t.db.query(
        `INSERT INTO kpi_measurements (org_id, kpi_id, measured_at, value, source, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, 'api', 'system:test', now())`,
        [ctx.w.orgId, row!.id, at.toISOString(), value]);
    }
    return row!.id;
  }

  it('links a PRD and pre-mortem of the same zone only, and finds a launch by id, zone/name or zone', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier1' });
    const other = await makeZone(ctx.w, people.lead.id);
    const foreign = await approvedPrd(other.key);
    await expect(launches().create(people.lead.actor, { zone: zone.key, name: 'Voice GA', plannedOn: '2026-06-01', prdId: foreign.id }))
      .rejects.toMatchObject({ issues: [{ field: 'prdId', message: expect.stringContaining(`belongs to zone ${other.key}`) }] });
    await expect(launches().create(people.lead2.actor, { zone: zone.key, name: 'Voice GA', plannedOn: '2026-06-01' })).rejects.toThrow(/only when they own the zone/);
    const l = await launches().create(people.lead.actor, { zone: zone.key, name: 'Voice GA', plannedOn: '2026-06-01' });
    expect(l).toMatchObject({ status: 'planned', plannedOn: '2026-06-01', prd: null, permissions: { canEdit: true, canDecide: true, canCosign: false } });
    await expect(launches().create(people.lead.actor, { zone: zone.key, name: 'voice ga', plannedOn: '2026-06-02' })).rejects.toMatchObject({ issues: [{ field: 'name' }] });
    expect((await launches().get(people.viewer.actor, `${zone.key}/Voice GA`)).id).toBe(l.id);
    expect((await launches().get(people.viewer.actor, zone.key)).id).toBe(l.id);
  });

  it('checks PRD approval and the pre-mortem (required in tier 1, not in tier 3)', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier1' });
    const l = await launches().create(people.lead.actor, { zone: zone.key, name: 'Memory beta', plannedOn: '2026-06-01' });
    expect(await status(l.id, 'prd_approved')).toMatchObject({ status: 'fail', summary: 'No PRD is linked to this launch' });
    expect(await status(l.id, 'premortem_done')).toMatchObject({ status: 'fail', summary: 'A tier1 zone needs a pre-mortem; none is linked' });
    const draft = await ctx.w.services.prds.create(people.lead.actor, { zone: zone.key, title: 'Memory' });
    await launches().update(people.lead.actor, l.id, { prdId: draft.id });
    expect(await status(l.id, 'prd_approved')).toMatchObject({ status: 'fail', summary: 'The PRD is draft, not approved', evidence: [{ kind: 'prd', id: draft.id }] });
    const prd = await approvedPrd(zone.key);
    const pm = await ctx.w.services.premortems.create(people.contributor.actor, { zone: zone.key, release: 'memory-beta', heldOn: '2026-05-01', participants: ['Lee'] });
    await launches().update(people.lead.actor, l.id, { prdId: prd.id, premortemId: pm.id });
    expect(await status(l.id, 'prd_approved')).toMatchObject({ status: 'pass', evidence: [{ kind: 'prd', id: prd.id }] });
    expect(await status(l.id, 'premortem_done')).toMatchObject({ status: 'fail', summary: 'The pre-mortem is not marked complete' });
    await expect(ctx.w.services.premortems.setDone(people.contributor.actor, pm.id, true)).rejects.toMatchObject({ issues: [{ field: 'scenarios' }] });
    await ctx.w.services.premortems.addScenario(people.contributor.actor, pm.id, { scenario: 'memory recalled a deleted chat' });
    await ctx.w.services.premortems.setDone(people.contributor.actor, pm.id, true);
    expect(await status(l.id, 'premortem_done')).toMatchObject({ status: 'pass', evidence: [{ kind: 'premortem', id: pm.id, detail: 'done' }] });

    const low = await makeZone(ctx.w, people.lead.id, { tier: 'tier3' });
    const l3 = await launches().create(people.lead.actor, { zone: low.key, name: 'Emoji pack', plannedOn: '2026-06-01' });
    expect(await status(l3.id, 'premortem_done')).toMatchObject({ status: 'not_required', summary: 'Not required for a tier3 zone' });
  });

  it('fails on an open critical finding, passes once it is triaged a false positive', async () => {
    const { people, services } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier3' });
    const l = await launches().create(people.lead.actor, { zone: zone.key, name: 'Search v2', plannedOn: '2026-06-01' });
    expect(await status(l.id, 'no_open_critical')).toMatchObject({ status: 'pass' });
    const f = await services.findings.create(people.contributor.actor, { zone: zone.key, title: 'Prompt injection via citations', severity: 'critical' });
    expect(await status(l.id, 'no_open_critical')).toMatchObject({
      status: 'fail', summary: '1 open critical finding in the zone', evidence: [{ kind: 'finding', id: f.id, label: 'Prompt injection via citations' }],
    });
    await services.triage.decide(people.lead.actor, { findingIds: [f.id], decision: 'false_positive', rationale: 'The citation is escaped' });
    expect(await status(l.id, 'no_open_critical')).toMatchObject({ status: 'pass' });
  });

  it('fails on a high finding past the SLA (tier-1 high: 14 days), with its item when it has one', async () => {
    const { people, services } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier1' });
    const l = await launches().create(people.lead.actor, { zone: zone.key, name: 'Agents GA', plannedOn: '2026-06-01' });
    const f = await services.findings.create(people.contributor.actor, { zone: zone.key, title: 'Tool output jailbreak', severity: 'high' });
    clock = new Date(Date.now() + 10 * DAY);
    expect(await status(l.id, 'no_overdue_high')).toMatchObject({ status: 'pass', summary: '1 open high finding, none overdue' });
    clock = new Date(Date.now() + 15 * DAY);
    expect(await status(l.id, 'no_overdue_high')).toMatchObject({ status: 'fail', evidence: [{ kind: 'finding', id: f.id, detail: expect.stringContaining('14-day SLA') }] });
    // linked to an item, the item's due date counts (created now: due in 14 days, so overdue at +15 too)
    const item = await services.remediations.create(people.lead.actor, {
      zone: zone.key, title: 'Sanitize tool output', impact: 4, feasibility: 4, customerValue: 3, rationale: 'jailbreak', findingIds: [f.id],
    });
    const check = await status(l.id, 'no_overdue_high');
    expect(check.status).toBe('fail');
    expect(check.evidence.map((e) => [e.kind, e.id])).toEqual([['finding', f.id], ['remediation', item.id]]);
    clock = new Date();
  });

  it('fails on an outcome KPI more than 20 % worse since the zone\'s last launch; activity KPIs do not count', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier3' });
    const prd = await approvedPrd(zone.key);
    const t0 = Date.now();
    const harm = await kpi(zone.id, `harm-${zone.key}`.slice(0, 80), 'lower', 'outcome', [[new Date(t0 - 20 * DAY), 1.0], [new Date(t0 - 10 * DAY), 1.1]]);
    await kpi(zone.id, `meet-${zone.key}`.slice(0, 80), 'higher', 'activity', [[new Date(t0 - 20 * DAY), 10], [new Date(t0 - 1 * DAY), 1]]);
    const first = await launches().create(people.lead.actor, { zone: zone.key, name: 'v1', plannedOn: '2026-06-01', prdId: prd.id });
    expect(await status(first.id, 'no_kpi_regression')).toMatchObject({ status: 'pass', summary: '1 outcome KPI within 20 % since the first measurement' });
    clock = new Date(t0 - 5 * DAY);
    const went = await launches().decide(people.lead.actor, first.id, { decision: 'go', rationale: 'All checks green' });
    expect(went).toMatchObject({ status: 'go', override: false });
    clock = new Date();
    // after the launch: 1.1 → 1.5 is 36 % worse for a lower-is-better KPI
    await ctx.t.db.query(`INSERT INTO kpi_measurements (org_id, kpi_id, measured_at, value, source, recorded_by, recorded_at) VALUES ($1, $2, $3, 1.5, 'api', 'system:test', now())`,
      [ctx.w.orgId, harm, new Date(t0 - DAY).toISOString()]);
    const second = await launches().create(people.lead.actor, { zone: zone.key, name: 'v2', plannedOn: '2026-07-01', prdId: prd.id });
    const check = await status(second.id, 'no_kpi_regression');
    expect(check).toMatchObject({ status: 'fail', evidence: [{ kind: 'kpi', id: harm, detail: '1.1 % → 1.5 % (36.4 % worse; lower is better)' }] });
    expect(check.summary).toMatch(/^1 outcome KPI worse by more than 20 % since the last launch \(\d{4}-\d{2}-\d{2}\)$/);
    // An organization that allows a 40 % adverse move lets the same 36 % through.
    await ctx.w.services.policy.update(people.admin.actor, { kpiRegressionThreshold: 0.4 });
    try {
      expect(await status(second.id, 'no_kpi_regression')).toMatchObject({ status: 'pass', summary: expect.stringContaining('within 40 %') });
    } finally {
      await ctx.w.services.policy.update(people.admin.actor, { kpiRegressionThreshold: 0.2 });
    }
  });

  it('fails on a risk acceptance of the zone past its expiry date', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier4' });
    const l = await launches().create(people.lead.actor, { zone: zone.key, name: 'Stickers', plannedOn: '2026-06-01' });
    const accept = async (expiresOn: string) => (await ctx.t.db.query<{ id: string }>(
      `INSERT INTO risk_acceptances (org_id, number, zone_id, justification, expires_on, created_by, created_at, updated_at)
       VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM risk_acceptances WHERE org_id = $1), $2, 'Low reach for now', $3::date, 'system:test', now(), now())
       RETURNING id`, [ctx.w.orgId, zone.id, expiresOn]))[0]!.id;
    await accept(new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10));
    expect(await status(l.id, 'no_expired_acceptance')).toMatchObject({ status: 'pass' });
    const lapsed = await accept(new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10));
    expect(await status(l.id, 'no_expired_acceptance')).toMatchObject({ status: 'fail', summary: '1 risk acceptance has expired', evidence: [{ kind: 'risk_acceptance', id: lapsed }] });
  });

  it('lets only the zone owner decide: pause, then go when every check passes; a go is final', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier2' });
    const prd = await approvedPrd(zone.key);
    const pm = await donePremortem(zone.key);
    const l = await launches().create(people.lead.actor, { zone: zone.key, name: 'Kids mode', plannedOn: '2026-06-01', prdId: prd.id, premortemId: pm.id });
    expect(l.gate).toMatchObject({ passed: true, failing: [] });
    await expect(launches().decide(people.admin.actor, l.id, { decision: 'go', rationale: 'ship it' })).rejects.toThrow(`Only the owner of zone ${zone.key}, Lee Lead, decides go or pause on its launches`);
    await expect(launches().decide(people.contributor.actor, l.id, { decision: 'go', rationale: 'ship it' })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(launches().decide(people.lead.actor, l.id, { decision: 'pause', rationale: 'x' })).rejects.toMatchObject({ issues: [{ field: 'rationale' }] });
    const paused = await launches().decide(people.lead.actor, l.id, { decision: 'pause', rationale: 'Wait for the school-year data' });
    expect(paused).toMatchObject({ status: 'paused', decision: 'pause', rationale: 'Wait for the school-year data', decidedBy: `user:${people.lead.id}`, override: false });
    const go = await launches().decide(people.lead.actor, l.id, { decision: 'go', rationale: 'Data in, all green' });
    expect(go).toMatchObject({ status: 'go', decision: 'go', override: false, cosignedBy: null, permissions: { canDecide: false, canEdit: false } });
    expect(go.decisions.map((d) => [d.kind, d.override, d.checks.passed])).toEqual([['pause', false, true], ['go', false, true]]);
    await expect(launches().decide(people.lead.actor, l.id, { decision: 'pause', rationale: 'oops' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('needs the owner and a second person who is an admin to go over a failing check, and marks the override forever', async () => {
    const { people, services } = ctx.w;
    const zone = await makeZone(ctx.w, people.admin.id, { tier: 'tier3' });
    const l = await launches().create(people.admin.actor, { zone: zone.key, name: 'Browse GA', plannedOn: '2026-06-01' });
    expect(l.gate.failing).toEqual(['prd_approved']);
    const asked = await launches().decide(people.admin.actor, l.id, { decision: 'go', rationale: 'PRD sign-off is a formality this time' });
    expect(asked).toMatchObject({ status: 'awaiting_cosign', decision: 'go', override: false, permissions: { canCosign: false } });
    // the owner, although an admin, cannot co-sign their own override; a lead cannot co-sign at all
    await expect(launches().cosign(people.admin.actor, l.id, { rationale: 'me again' })).rejects.toThrow('An override needs two people: an admin other than the owner who asked for it co-signs');
    await expect(launches().cosign(people.lead.actor, l.id, { rationale: 'fine by me' })).rejects.toBeInstanceOf(NotAllowedError);
    const admin2 = await services.users.add(ctx.w.system, { email: `admin2-${ctx.w.slug}@example.com`, name: 'Second Admin', role: 'admin', password: 'correct-horse-battery' });
    const second = userActor(ctx.w.orgId, admin2.id, 'admin');
    expect((await launches().get(second, l.id)).permissions.canCosign).toBe(true);
    const done = await launches().cosign(second, l.id, { rationale: 'Legal reviewed the PRD by mail' });
    expect(done).toMatchObject({
      status: 'go', decision: 'go', override: true, rationale: 'PRD sign-off is a formality this time',
      decidedBy: `user:${people.admin.id}`, cosignedBy: `user:${admin2.id}`,
    });
    expect(done.decisions.map((d) => [d.kind, d.override, d.checks.failing])).toEqual([['override_requested', true, ['prd_approved']], ['override_cosigned', true, ['prd_approved']]]);
    const events = await services.audit.history(ctx.w.system, 'launch', l.id, 10);
    expect(events[0]).toMatchObject({ action: 'launch.override_cosigned', after: { override: true, status: 'go', failing: ['prd_approved'] } });
    expect((await services.audit.verify(ctx.w.system)).ok).toBe(true);

    // when the failing check is fixed before the co-signature, no override is needed
    const zone2 = await makeZone(ctx.w, people.lead.id, { tier: 'tier3' });
    const l2 = await launches().create(people.lead.actor, { zone: zone2.key, name: 'Later', plannedOn: '2026-06-01' });
    await launches().decide(people.lead.actor, l2.id, { decision: 'go', rationale: 'Approval is on its way' });
    await launches().update(people.lead.actor, l2.id, { prdId: (await approvedPrd(zone2.key)).id });
    await expect(launches().cosign(second, l2.id, { rationale: 'looks fine' })).rejects.toThrow('Every check passes now: no override is needed; the zone owner can decide go');
  });
});
