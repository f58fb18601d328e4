/**
 * Remediation metrics over a scripted fortnight: findings created, triaged (some false
 * positive), items created, moved to fixed and verified at known minutes, one fixed past its
 * SLA, one left overdue. The owner scorecard is then computed by hand from the audit events and
 * must agree to the minute.
 */
import { describe, expect, it } from 'vitest';
import { itemDebt } from '../../src/domain/debt.ts';
import { InputError } from '../../src/domain/errors.ts';
import { mean, median } from '../../src/domain/metrics.ts';
import type { Actor } from '../../src/services/actor.ts';
import { createMetricsService } from '../../src/services/metrics.ts';
import { createRemediationService } from '../../src/services/remediations.ts';
import { createTriageService } from '../../src/services/triage.ts';
import type { EventRecord } from '../../src/store/events.ts';
import { makeZone, useWorld } from '../helpers/factories.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe(`remediation metrics (${TEST_ENGINE})`, () => {
  const ctx = useWorld();
  // The fortnight starts after the real clock (findings are created on it), on a whole hour.
  const t0 = new Date(Math.ceil((Date.now() + HOUR) / HOUR) * HOUR);
  let clock = t0;
  const at = (day: number, hh: number, mm: number) => { clock = new Date(t0.getTime() + day * DAY + hh * HOUR + mm * MIN); };
  const rem = () => createRemediationService({ db: ctx.t.db, now: () => clock });
  const triage = () => createTriageService({ db: ctx.t.db, now: () => clock });
  const metrics = () => createMetricsService({ db: ctx.t.db, now: () => clock });
  const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
  const period = { from: new Date(t0.getTime() - DAY).toISOString(), to: new Date(t0.getTime() + 15 * DAY).toISOString() };

  let lead: Actor;
  let admin: Actor;
  const scores = { impact: 3, feasibility: 3, customerValue: 3, rationale: 'found in the autumn red team' };

  it('computes the owner scorecard from the fortnight, agreeing to the minute with a hand computation from the events', async () => {
    const { services, people } = ctx.w;
    lead = people.lead.actor;
    admin = people.admin.actor;
    const chat = await makeZone(ctx.w, people.lead.id, { tier: 'tier1', name: 'Chat' });
    const search = await makeZone(ctx.w, people.lead.id, { tier: 'tier2', name: 'Search' });
    const other = await makeZone(ctx.w, people.lead2.id, { tier: 'tier1', name: 'Someone else' });
    const add = async (zone: string, title: string, extra: { introducedIn?: string; ruleId?: string } = {}) =>
      (await services.findings.create(people.contributor.actor, { zone, title, severity: 'high', ruleId: extra.ruleId ?? 'pii-leak', ...extra })).id;
    const f1 = await add(chat.key, 'Leaks e-mail addresses', { introducedIn: daysAgo(10) });
    const f2 = await add(chat.key, 'Leaks phone numbers');
    const f3 = await add(chat.key, 'Odd refusal', { ruleId: 'refusal' });
    const f4 = await add(search.key, 'Injected instructions', { introducedIn: daysAgo(3), ruleId: 'injection' });
    const f5 = await add(search.key, 'Injected instructions again', { ruleId: 'injection' });
    const f6 = await add(search.key, 'Harmless', { ruleId: 'injection' });
    const f7 = await add(other.key, 'Not this owner\'s', { introducedIn: daysAgo(1) });

    // Day 0: triage. f1+f2 into a new high item on tier 1 (SLA 14 d); f3 is a false positive.
    at(0, 0, 5);
    const r1 = (await triage().decide(lead, {
      findingIds: [f1, f2], decision: 'remediate', rationale: 'real leak',
      remediation: { zone: chat.key, title: 'Redact contact data', ...scores },
    })).remediationId!;
    at(0, 0, 10);
    await triage().decide(lead, { findingIds: [f3], decision: 'false_positive', rationale: 'the refusal is correct' });
    // A critical item on tier 1 (SLA 7 d) that will be fixed late, and one that stays open past due.
    at(0, 8, 0);
    const r4 = (await rem().create(lead, { zone: chat.key, title: 'Block tool abuse', severity: 'critical', ...scores })).id;
    at(1, 9, 30);
    const r2 = (await rem().create(lead, { zone: search.key, title: 'Strip injected text', findingIds: [f4], severity: 'critical', ...scores })).id;
    at(1, 11, 0);
    const r3 = (await rem().create(lead, { zone: chat.key, title: 'Audit memory', severity: 'critical', effort: 3, ...scores })).id;
    at(1, 12, 0);
    const r6 = (await rem().create(lead, { zone: search.key, title: 'Old idea', severity: 'low', ...scores })).id;
    at(1, 13, 0);
    await triage().decide(lead, { findingIds: [f5], decision: 'duplicate', duplicateOf: f4, rationale: 'same injection' });
    // Another owner's item, verified quickly: it must not count for the lead.
    at(2, 8, 0);
    const r5 = (await triage().decide(admin, {
      findingIds: [f7], decision: 'remediate', rationale: 'real', remediation: { zone: other.key, title: 'Elsewhere', ...scores },
    })).remediationId!;

    const move = async (id: string, to: 'in_progress' | 'fixed' | 'verified' | 'obsolete', reason?: string) =>
      rem().move(admin, id, { to, reason });
    at(2, 9, 17); await move(r1, 'in_progress');
    at(2, 10, 0); await move(r5, 'in_progress');
    at(2, 11, 0); await move(r5, 'fixed');
    at(3, 9, 0); await move(r5, 'verified');
    at(3, 10, 0); await move(r2, 'in_progress');
    at(3, 10, 30); await move(r4, 'in_progress');
    at(4, 16, 45);
    await triage().decide(lead, { findingIds: [f6], decision: 'false_positive', rationale: 'harmless echo' });
    at(5, 14, 3); await move(r1, 'fixed');
    at(6, 10, 41); await move(r1, 'verified');
    at(7, 15, 0); await move(r6, 'obsolete', 'superseded by the new design');
    at(8, 17, 22); await move(r2, 'fixed');
    at(9, 11, 8); await move(r4, 'fixed');
    at(10, 9, 55); await move(r4, 'verified');
    at(11, 16, 12); await move(r2, 'verified');
    at(14, 12, 0);

    const card = await metrics().scorecard(lead, { period });

    // ---- By hand, from the audit trail ----
    const events: EventRecord[] = (await services.audit.recent(admin, 1000)).reverse();
    const mine = new Set([chat.id, search.id]);
    const created = new Map<string, EventRecord>();
    for (const e of events) {
      if (e.action === 'remediation.created') created.set(e.entityId, e);
    }
    const zoneOfItem = (id: string) => (created.get(id)!.after as { zoneId: string }).zoneId;
    const items = [...created.keys()].filter((id) => mine.has(zoneOfItem(id)));
    const findingCreated = new Map(events.filter((e) => e.action === 'finding.created').map((e) => [e.entityId, e]));
    const linked = (id: string) => events
      .filter((e) => e.action === 'finding.triaged' && (e.after as { remediationId: string | null }).remediationId === id)
      .map((e) => e.entityId);
    const moved = (id: string, to: string) =>
      events.find((e) => e.action === 'remediation.moved' && e.entityId === id && (e.after as { status: string }).status === to);
    const ms = (e: EventRecord | undefined) => new Date(e!.at).getTime();
    const detectedAt = (id: string) =>
      Math.min(ms(created.get(id)), ...linked(id).map((f) => ms(findingCreated.get(f))));
    const verified = items.filter((id) => moved(id, 'verified'));
    const ttrMinutes = verified.map((id) => (ms(moved(id, 'verified')) - detectedAt(id)) / MIN);
    expect([...verified].sort()).toEqual([r1, r2, r4].sort());
    expect(card.figures.timeToRemediate.count).toBe(3);
    expect(Math.abs(card.figures.timeToRemediate.meanHours! * 60 - mean(ttrMinutes)!)).toBeLessThan(1);
    expect(Math.abs(card.figures.timeToRemediate.medianHours! * 60 - median(ttrMinutes)!)).toBeLessThan(1);
    // R1 from its findings' first sighting (before the fortnight) to 6 d 10:41; R4 from its creation at 0 d 08:00.
    expect(Math.round(ttrMinutes[verified.indexOf(r4)]!)).toBe((10 * DAY + 9 * HOUR + 55 * MIN - 8 * HOUR) / MIN);

    const closed = items.filter((id) => moved(id, 'verified') || moved(id, 'obsolete'));
    expect(card.figures.closedGapRate).toEqual({ closed: closed.length, opened: items.length, rate: Math.round((closed.length / items.length) * 10_000) / 10_000 });
    expect(card.figures.closedGapRate).toMatchObject({ closed: 4, opened: 5, rate: 0.8 });

    const slaDays = (id: string) => (created.get(id)!.after as { slaDays: number }).slaDays;
    const fixed = items.filter((id) => moved(id, 'fixed'));
    const onTime = fixed.filter((id) => ms(moved(id, 'fixed')) <= ms(created.get(id)) + slaDays(id) * DAY);
    expect(card.figures.slaCompliance).toMatchObject({ fixed: fixed.length, onTime: onTime.length });
    expect(card.figures.slaCompliance).toEqual({ fixed: 3, onTime: 2, rate: 0.6667 });

    // R3: critical on tier 1, due 7 d after 1 d 11:00, so 5 d 1 h overdue at 14 d 12:00: one sprint of interest.
    const open = items.filter((id) => !moved(id, 'fixed') && !moved(id, 'obsolete'));
    expect(open).toEqual([r3]);
    const due3 = new Date(ms(created.get(r3)) + slaDays(r3) * DAY);
    expect(card.figures.open).toMatchObject({ total: 1, overdue: 1, bySeverity: { critical: 1, high: 0 }, byAge: { d7to30: 1, lt7d: 0 } });
    expect(card.figures.safetyDebt).toBe(itemDebt(3, due3, clock, { sprintDays: 14, debtInterestRate: 0.25 }).debt);
    expect(card.figures.safetyDebt).toBe(3.75);

    const triaged = events.filter((e) => e.action === 'finding.triaged' && mine.has(zoneOfFinding(e.entityId)));
    function zoneOfFinding(id: string): string {
      return (findingCreated.get(id)!.after as { zoneId: string }).zoneId;
    }
    const fps = triaged.filter((e) => (e.after as { triage: string }).triage === 'false_positive');
    expect(card.figures.falsePositives).toEqual({ triaged: triaged.length, falsePositive: fps.length, rate: 0.3333 });
    expect(triaged.length).toBe(6);
    expect(card.falsePositivesByPlugin).toEqual(expect.arrayContaining([
      { tool: 'manual', plugin: 'refusal', triaged: 1, falsePositive: 1, rate: 1 },
      { tool: 'manual', plugin: 'injection', triaged: 3, falsePositive: 1, rate: 0.3333 },
      { tool: 'manual', plugin: 'pii-leak', triaged: 2, falsePositive: 0, rate: 0 },
    ]));
    expect(card.falsePositivesByTool).toEqual([{ tool: 'manual', triaged: 6, falsePositive: 2, rate: 0.3333 }]);

    // Time to detect: first seen (the finding.created event) − the introduction date at midnight UTC.
    const ttdDays = [{ id: f1, on: daysAgo(10) }, { id: f4, on: daysAgo(3) }]
      .map((f) => (ms(findingCreated.get(f.id)) - Date.parse(`${f.on}T00:00:00Z`)) / DAY);
    expect(card.figures.timeToDetect.count).toBe(2);
    expect(Math.abs(card.figures.timeToDetect.meanDays! - mean(ttdDays)!)).toBeLessThan(0.01);
    expect(Math.abs(card.figures.timeToDetect.medianDays! - median(ttdDays)!)).toBeLessThan(0.01);
    expect(card.figures.regressions).toBe(0);

    expect(card.owner).toMatchObject({ id: people.lead.id, email: people.lead.email });
    expect(card.zones.map((z) => z.zone.key).sort()).toEqual([chat.key, search.key].sort());
    const chatRow = card.zones.find((z) => z.zone.key === chat.key)!;
    expect(chatRow.figures.open.total).toBe(1);
    expect(chatRow.figures.timeToRemediate.count).toBe(2);
  });

  it('shows the organization with a row per zone and per owner, and any member reads any scorecard', async () => {
    const { people } = ctx.w;
    const dash = await metrics().dashboard(people.viewer.actor, { period });
    expect(dash.scope).toEqual({ kind: 'org' });
    // The other owner's verified item counts for the organization.
    expect(dash.figures.timeToRemediate.count).toBe(4);
    const owners = new Map(dash.owners.map((o) => [o.owner.id, o]));
    expect(owners.get(people.lead.id)!.figures.timeToRemediate.count).toBe(3);
    expect(owners.get(people.lead2.id)!.figures.timeToRemediate.count).toBe(1);
    expect(owners.get(people.lead.id)!.zones).toBe(2);
    expect(dash.figures.safetyDebt).toBe(3.75);
    const sum = dash.zones.reduce((n, z) => n + z.figures.closedGapRate.opened, 0);
    expect(sum).toBe(dash.figures.closedGapRate.opened);

    const other = await metrics().scorecard(people.viewer.actor, { owner: people.lead2.email, period });
    expect(other.figures.timeToRemediate.count).toBe(1);
    expect(other.figures.closedGapRate).toMatchObject({ opened: 1, closed: 1, rate: 1 });
    const zoneKey = dash.zones.find((z) => z.owner.id === people.lead2.id)!.zone.key;
    const zoneOnly = await metrics().dashboard(people.viewer.actor, { period, zone: zoneKey });
    expect(zoneOnly.figures).toEqual(other.figures);
  });

  it('answers a repeated dashboard from its cache; after a change it serves the last figures marked stale while newer ones are computed', async () => {
    const { people } = ctx.w;
    const service = metrics(); // one instance, as the server holds one
    at(16, 9, 0);
    const first = await service.dashboard(people.viewer.actor, { period });
    expect(first.stale).toBe(false);
    at(16, 9, 0.5);
    expect(await service.dashboard(people.viewer.actor, { period })).toMatchObject({ asOf: first.asOf, stale: false });

    // A change: the next read answers at once with the figures it has, marked stale…
    const zone = first.zones.find((z) => z.owner.id === people.lead.id)!.zone.key;
    await rem().create(lead, { zone, title: 'A new item', severity: 'low', ...scores });
    const stale = await service.dashboard(people.viewer.actor, { period });
    expect(stale).toMatchObject({ asOf: first.asOf, stale: true });
    expect(stale.figures.open.total).toBe(first.figures.open.total);
    // …and once the background computation is done, a read gets the new item, computed after the change.
    await service.settled();
    const changed = await service.dashboard(people.viewer.actor, { period });
    expect(changed.stale).toBe(false);
    expect(changed.figures.open.total).toBe(first.figures.open.total + 1);
    expect(changed.asOf).toBe(clock.toISOString());

    // Nothing changed, but a minute passed (ages, overdue, debt move with the clock): stale, then refreshed.
    const computedAt = clock;
    at(16, 9, 1.6);
    expect(await service.dashboard(people.viewer.actor, { period })).toMatchObject({ asOf: computedAt.toISOString(), stale: true });
    await service.settled();
    expect(await service.dashboard(people.viewer.actor, { period })).toMatchObject({ asOf: clock.toISOString(), stale: false });

    // Figures more than five minutes old are never served: the read waits for new ones.
    const refreshedAt = clock;
    await rem().create(lead, { zone, title: 'Another item', severity: 'low', ...scores });
    at(16, 9, 7);
    const late = await service.dashboard(people.viewer.actor, { period });
    expect(late.stale).toBe(false);
    expect(late.asOf).not.toBe(refreshedAt.toISOString());
    expect(late.figures.open.total).toBe(first.figures.open.total + 2);
  });

  it('counts trend points per week over the period, and refuses what it cannot answer', async () => {
    const { people } = ctx.w;
    const s = await metrics().series(people.viewer.actor, { scope: { owner: people.lead.id }, period, bucket: 'week' });
    expect(s.points.length).toBeGreaterThanOrEqual(3);
    expect(s.points[0]!.from).toBe(period.from);
    expect(s.points.at(-1)!.to).toBe(period.to);
    expect(s.points.reduce((n, p) => n + p.timeToRemediate.count, 0)).toBe(3);
    expect(s.points.reduce((n, p) => n + p.closedGapRate.opened, 0)).toBe(5);
    expect(s.points.reduce((n, p) => n + p.falsePositives.falsePositive, 0)).toBe(2);

    await expect(metrics().scorecard(ctx.w.system, { period })).rejects.toMatchObject({ issues: [{ field: 'owner' }] });
    await expect(metrics().scorecard(people.viewer.actor, { owner: 'nobody@example.com' })).rejects.toBeInstanceOf(InputError);
    await expect(metrics().dashboard(people.viewer.actor, { period: { period: 'last week' } }))
      .rejects.toMatchObject({ issues: [{ field: 'period' }] });
    await expect(metrics().series(people.viewer.actor, { scope: { owner: people.lead.id, zone: 'x' } }))
      .rejects.toBeInstanceOf(InputError);
  });
});
