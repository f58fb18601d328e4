/** Safety debt on a scripted clock: interest per sprint overdue, totals, escalation by age and by zone debt, deferral history. */
import { describe, expect, it } from 'vitest';
import { NotAllowedError } from '../../src/domain/errors.ts';
import { createDebtService } from '../../src/services/debt.ts';
import { createPlanningService } from '../../src/services/planning.ts';
import { createRemediationService } from '../../src/services/remediations.ts';
import { makeWorld, makeZone, useWorld, type World } from '../helpers/factories.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe(`safety debt and escalation (${TEST_ENGINE})`, () => {
  const ctx = useWorld();

  /** A fresh organization (escalation is org-wide) with services on a clock the test moves. */
  async function setUp() {
    const w: World = await makeWorld(ctx.t.db);
    const start = new Date('2026-03-02T09:00:00.000Z');
    let clock = start;
    const now = () => clock;
    const db = ctx.t.db;
    const s = {
      debt: createDebtService({ db, now }), planning: createPlanningService({ db, now }), remediations: createRemediationService({ db, now }),
    };
    const setTime = (ms: number) => { clock = new Date(start.getTime() + ms); };
    const item = (zone: string, title: string, effort: number, severity: 'critical' | 'high' | 'low' = 'critical') =>
      s.remediations.create(w.people.admin.actor, {
        zone, title, severity, impact: 4, feasibility: 3, customerValue: 3, rationale: 'found in the red-team exercise', effort,
      });
    return { w, s, setTime, item, start };
  }

  it('charges effort × 1.25^n for n sprints past due, and nothing before', async () => {
    const { w, s, setTime, item } = await setUp();
    const zone = await makeZone(w, w.people.lead.id, { tier: 'tier1' });
    const a = await item(zone.key, 'Prompt injection exfiltrates mail', 8); // critical on tier 1: due in 7 days
    const viewer = w.people.viewer.actor;

    setTime(6 * DAY);
    expect((await s.debt.debt(viewer)).items).toEqual([]);
    const due = 7 * DAY;
    const at = async (ms: number) => {
      setTime(due + ms);
      const r = await s.debt.debt(viewer);
      return r.items.find((i) => i.id === a.id);
    };
    expect(await at(HOUR)).toMatchObject({ sprintsOverdue: 1, factor: 1.25, debt: 10 });
    expect(await at(14 * DAY + HOUR)).toMatchObject({ sprintsOverdue: 2, factor: 1.5625, debt: 12.5 });
    expect(await at(28 * DAY + HOUR)).toMatchObject({ sprintsOverdue: 3, factor: 1.953125, debt: 15.63 });
  });

  it('totals debt per zone and per owner, and filters by zone or owner', async () => {
    const { w, s, setTime, item } = await setUp();
    const mine = await makeZone(w, w.people.lead.id, { tier: 'tier1' });
    const theirs = await makeZone(w, w.people.lead2.id, { tier: 'tier1' });
    await item(mine.key, 'A', 2);
    await item(mine.key, 'B', 4);
    await item(theirs.key, 'C', 1);
    await item(theirs.key, 'Not overdue yet', 5, 'low');
    setTime(8 * DAY);
    const r = await s.debt.debt(w.people.viewer.actor);
    expect(r.total).toBe(8.75);
    expect(r.zones.map((z) => [z.zone.key, z.debt, z.items])).toEqual([[mine.key, 7.5, 2], [theirs.key, 1.25, 1]]);
    expect(r.owners.map((o) => [o.owner.email, o.debt])).toEqual([[w.people.lead.email, 7.5], [w.people.lead2.email, 1.25]]);
    expect((await s.debt.debt(w.people.viewer.actor, { zone: theirs.key })).items.map((i) => i.title)).toEqual(['C']);
    expect((await s.debt.debt(w.people.viewer.actor, { owner: w.people.lead.email })).items.map((i) => i.title)).toEqual(['B', 'A']);
    await expect(s.debt.debt(w.people.viewer.actor, { owner: 'nobody@example.com' })).rejects.toMatchObject({ issues: [{ field: 'owner' }] });
  });

  it('escalates an item overdue for more than 2 sprints, once, telling every admin', async () => {
    const { w, s, setTime, item } = await setUp();
    const zone = await makeZone(w, w.people.lead.id, { tier: 'tier1' });
    const a = await item(zone.key, 'Jailbreak through role play', 1);
    await expect(s.debt.escalate(w.people.viewer.actor)).rejects.toBeInstanceOf(NotAllowedError);

    setTime(7 * DAY + 28 * DAY); // exactly 2 sprints overdue: not yet
    expect((await s.debt.escalate(w.people.lead.actor)).escalated).toEqual([]);
    setTime(7 * DAY + 28 * DAY + HOUR);
    const r = await s.debt.escalate(w.people.lead.actor);
    expect(r.escalated.map((i) => [i.id, i.sprintsOverdue])).toEqual([[a.id, 3]]);
    expect(r.escalated[0]!.reason).toMatch(/overdue for 3 sprints \(more than the 2 the policy allows\)/);
    expect(r.notified).toBe(1); // the one active admin of the organization
    expect((await s.debt.escalate(w.people.lead.actor)).escalated).toEqual([]);

    const history = await w.services.audit.history(w.people.admin.actor, 'remediation', a.id);
    expect(history.filter((e) => e.action === 'remediation.escalated')).toHaveLength(1);
    const [listed] = await s.debt.escalations(w.people.viewer.actor);
    expect(listed).toMatchObject({ id: a.id, escalationReason: r.escalated[0]!.reason, deferrals: [] });
  });

  it("escalates the overdue items of a zone whose debt passes the threshold, lazily when debt is read", async () => {
    const { w, s, setTime, item } = await setUp();
    const zone = await makeZone(w, w.people.lead.id, { tier: 'tier1' });
    const other = await makeZone(w, w.people.lead2.id, { tier: 'tier1' });
    await item(zone.key, 'Big', 20);
    await item(zone.key, 'Small', 13);
    await item(other.key, 'Elsewhere', 5);
    setTime(8 * DAY); // one sprint: 25 + 16.25 = 41.25 > 40 in the zone; the other zone has 6.25
    const r = await s.debt.debt(w.people.viewer.actor);
    expect(r.zones.map((z) => [z.zone.key, z.debt, z.overThreshold])).toEqual([[zone.key, 41.25, true], [other.key, 6.25, false]]);
    const flagged = r.items.filter((i) => i.escalatedAt !== null);
    expect(flagged.map((i) => i.title).sort()).toEqual(['Big', 'Small']);
    expect(flagged[0]!.escalationReason).toBe("its zone's safety debt is 41.25, above the threshold of 40");
    const history = await w.services.audit.history(w.people.admin.actor, 'remediation', flagged[0]!.id);
    expect(history.find((e) => e.action === 'remediation.escalated')?.actor).toBe('system:escalation');
  });

  it('shows an escalated item with its history of deferrals and their rationale', async () => {
    const { w, s, setTime, item } = await setUp();
    const zone = await makeZone(w, w.people.lead.id, { tier: 'tier1' });
    const period = await s.planning.createPeriod(w.people.admin.actor, {
      name: 'Q1', startsOn: '2026-03-02', endsOn: '2026-05-24', sprints: { count: 6, capacity: 40 },
    });
    const [s1, s2, s3] = period.sprints;
    const a = await item(zone.key, 'Tool call leaks tokens', 2);
    await s.planning.schedule(w.people.lead.actor, a.id, { sprintId: s1!.id });
    await s.planning.schedule(w.people.lead.actor, a.id, { sprintId: s2!.id, rationale: 'launch freeze: platform team busy' });
    setTime(15 * DAY);
    await s.planning.schedule(w.people.lead.actor, a.id, { sprintId: s3!.id, rationale: 'waiting on the vendor fix' });
    setTime(7 * DAY + 28 * DAY + HOUR);
    const [e] = await s.debt.escalations(w.people.viewer.actor);
    expect(e?.id).toBe(a.id);
    expect(e!.deferrals.map((d) => [d.rationale, (d.from as { sprint: string }).sprint, (d.to as { sprint: string }).sprint, d.actor])).toEqual([
      ['launch freeze: platform team busy', 'Sprint 1', 'Sprint 2', w.people.lead.actor.label],
      ['waiting on the vendor fix', 'Sprint 2', 'Sprint 3', w.people.lead.actor.label],
    ]);
  });
});
