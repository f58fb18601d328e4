/** Planning periods and sprints: the safety reserve, warnings, scheduling, deferrals, and what a new critical item displaces. */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotAllowedError } from '../../src/domain/errors.ts';
import { createPlanningService } from '../../src/services/planning.ts';
import { createPolicyService } from '../../src/services/policy.ts';
import { createRemediationService } from '../../src/services/remediations.ts';
import { makeWorld, makeZone, useWorld } from '../helpers/factories.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';

const DAY = 86_400_000;

describe(`planning and sprints (${TEST_ENGINE})`, () => {
  const ctx = useWorld();

  async function setUp() {
    const w = await makeWorld(ctx.t.db);
    const start = new Date('2026-01-05T09:00:00.000Z');
    let clock = start;
    const now = () => clock;
    const planning = createPlanningService({ db: ctx.t.db, now });
    const remediations = createRemediationService({ db: ctx.t.db, now });
    const item = (zone: string, title: string, effort: number, severity: 'critical' | 'high' | 'medium' | 'low', impact = 3) =>
      remediations.create(w.people.admin.actor, {
        zone, title, severity, impact, feasibility: 3, customerValue: 3, rationale: 'from the quarterly red team', effort,
      });
    const quarter = (name = 'Q1', extra: { safetyShare?: number } = {}) => planning.createPeriod(w.people.admin.actor, {
      name, startsOn: '2026-01-05', endsOn: '2026-03-29', sprints: { count: 6, capacity: 40 }, ...extra,
    });
    return { w, planning, item, quarter, setTime: (ms: number) => { clock = new Date(start.getTime() + ms); } };
  }

  it('splits a quarter into sprints with the default 15% reserve, and refuses a share outside the policy', async () => {
    const { w, planning, quarter } = await setUp();
    const q1 = await quarter();
    expect(q1).toMatchObject({ name: 'Q1', safetyShare: 0.15, sprintCount: 6, capacity: 240 });
    expect(q1.sprints.map((s) => [s.name, s.startsOn, s.endsOn])).toEqual([
      ['Sprint 1', '2026-01-05', '2026-01-18'], ['Sprint 2', '2026-01-19', '2026-02-01'], ['Sprint 3', '2026-02-02', '2026-02-15'],
      ['Sprint 4', '2026-02-16', '2026-03-01'], ['Sprint 5', '2026-03-02', '2026-03-15'], ['Sprint 6', '2026-03-16', '2026-03-29']]);
    await expect(quarter()).rejects.toBeInstanceOf(ConflictError);
    await expect(quarter('Q1b', { safetyShare: 0.05 })).rejects.toMatchObject({
      issues: [{ field: 'safetyShare', message: expect.stringMatching(/reserves 10% to 20% of capacity for safety work; 5% is outside/) }] });
    await expect(planning.createPeriod(w.people.lead.actor, {
      name: 'Custom', startsOn: '2026-04-01', endsOn: '2026-04-30', safetyShare: 0.2,
      sprints: [{ name: 'Hardening', capacity: 10, startsOn: '2026-04-01', endsOn: '2026-04-14' }, { capacity: 12, startsOn: '2026-04-10', endsOn: '2026-04-30' }],
    })).rejects.toMatchObject({ issues: [{ field: 'sprints.1.startsOn' }] });
    await expect(planning.createPeriod(w.people.contributor.actor, {
      name: 'Nope', startsOn: '2026-04-01', endsOn: '2026-04-30', sprints: { count: 2, capacity: 10 },
    })).rejects.toBeInstanceOf(NotAllowedError);
    const listed = await planning.listPeriods(w.people.viewer.actor);
    expect(listed.map((p) => p.name)).toEqual(['Q1']);
  });

  it('shows reserve vs safety effort used and warns when safety work is squeezed out or the share leaves the range', async () => {
    const { w, planning, item, quarter } = await setUp();
    const zone = await makeZone(w, w.people.lead.id, { tier: 'tier2' });
    const q1 = await quarter();
    const a = await item(zone.key, 'Scheduled', 2, 'high');
    await item(zone.key, 'Waiting 1', 1, 'medium');
    await item(zone.key, 'Waiting 2', 1, 'low');
    await planning.schedule(w.people.lead.actor, a.id, { sprintId: q1.sprints[0]!.id });

    const plan = await planning.getPlan(w.people.viewer.actor, 'Q1');
    const s1 = plan.sprints[0]!;
    expect(s1).toMatchObject({ capacity: 40, reserve: 6, used: 2, free: 4 });
    expect(s1.items.map((i) => [i.title, i.withinReserve])).toEqual([['Scheduled', true]]);
    expect(s1.warnings).toEqual([{ code: 'safety_squeezed',
      message: 'Only 2 of the 6 effort reserved for safety work is scheduled while 2 safety items wait unscheduled' }]);
    expect(plan.unscheduled.total).toBe(2);
    expect(plan.warnings).toEqual([]);

    // The policy narrows the range later: the plan says the period's share is now outside it.
    await createPolicyService({ db: ctx.t.db }).update(w.people.admin.actor, { safetyShare: { min: 0.18, default: 0.18, max: 0.2 } });
    expect((await planning.getPlan(w.people.viewer.actor, q1.id)).warnings).toEqual([{ code: 'share_out_of_range',
      message: 'The safety share of 15% is outside the 18%–20% the organization allows' }]);
  });

  it('lets a new critical item in a tier-1 zone jump the queue, and says what it displaced', async () => {
    const { w, planning, item, quarter } = await setUp();
    const t1 = await makeZone(w, w.people.lead.id, { tier: 'tier1' });
    const q1 = await quarter();
    const sprint = q1.sprints[1]!.id;
    const high = await item(t1.key, 'Filter bypass', 3, 'high');
    const medium = await item(t1.key, 'Toxic replies in edge cases', 2, 'medium');
    const low = await item(t1.key, 'Verbose errors', 1, 'low');
    for (const i of [high, medium, low]) await planning.schedule(w.people.lead.actor, i.id, { sprintId: sprint });
    expect((await planning.getPlan(w.people.viewer.actor, q1.id)).sprints[1]!.items.every((i) => i.withinReserve)).toBe(true);

    const critical = await item(t1.key, 'Agent wires money on injected instruction', 2, 'critical', 5);
    const r = await planning.schedule(w.people.lead.actor, critical.id, { sprintId: sprint, rationale: 'critical in a tier-1 zone' });
    expect(r.decision).toBe('scheduled');
    expect(r.sprint).toMatchObject({ reserve: 6, used: 8 });
    expect(r.displaced.map((d) => d.title)).toEqual(['Toxic replies in edge cases', 'Verbose errors']);

    const s2 = (await planning.getPlan(w.people.viewer.actor, q1.id)).sprints[1]!;
    expect(s2.items.map((i) => [i.title, i.withinReserve])).toEqual([
      ['Agent wires money on injected instruction', true], ['Filter bypass', true],
      ['Toxic replies in edge cases', false], ['Verbose errors', false]]);
    expect(s2.warnings.map((x) => x.code)).toEqual(['over_reserve']);
  });

  it('records a move to a later sprint as a deferral that needs a rationale; leads schedule only their zones', async () => {
    const { w, planning, item, quarter, setTime } = await setUp();
    const zone = await makeZone(w, w.people.lead.id);
    const q1 = await quarter();
    const [s1, s2, s3] = q1.sprints;
    const a = await item(zone.key, 'PII in logs', 2, 'high');
    await expect(planning.schedule(w.people.lead2.actor, a.id, { sprintId: s1!.id }))
      .rejects.toThrow(/only when they own the zone/);
    await expect(planning.schedule(w.people.viewer.actor, a.id, { sprintId: s1!.id })).rejects.toBeInstanceOf(NotAllowedError);

    expect((await planning.schedule(w.people.lead.actor, `REM-${a.number}`, { sprintId: s2!.id })).decision).toBe('scheduled');
    await expect(planning.schedule(w.people.lead.actor, a.id, { sprintId: s3!.id }))
      .rejects.toMatchObject({ issues: [{ field: 'rationale', message: expect.stringMatching(/to a later sprint defers it; say why/) }] });
    expect((await planning.schedule(w.people.lead.actor, a.id, { sprintId: s3!.id, rationale: 'blocked on the model upgrade' })).decision)
      .toBe('deferred');
    expect((await planning.schedule(w.people.admin.actor, a.id, { sprintId: s1!.id })).decision).toBe('scheduled');
    expect((await planning.schedule(w.people.admin.actor, a.id, { sprintId: s1!.id })).decision).toBe('unchanged');
    await expect(planning.schedule(w.people.lead.actor, a.id, { sprintId: null }))
      .rejects.toMatchObject({ issues: [{ field: 'rationale' }] });
    expect((await planning.schedule(w.people.lead.actor, a.id, { sprintId: null, rationale: 'descoped this quarter' })).decision).toBe('deferred');

    const events = await w.services.audit.history(w.people.admin.actor, 'remediation', a.id);
    expect(events.filter((e) => e.action.startsWith('remediation.') && /scheduled|deferred/.test(e.action)).map((e) => e.action).reverse())
      .toEqual(['remediation.scheduled', 'remediation.deferred', 'remediation.scheduled', 'remediation.deferred']);

    setTime(20 * DAY); // sprint 1 has ended
    await expect(planning.schedule(w.people.lead.actor, a.id, { sprintId: s1!.id }))
      .rejects.toMatchObject({ issues: [{ field: 'sprintId', message: expect.stringMatching(/Sprint 1 ended on 2026-01-18/) }] });
  });
});
