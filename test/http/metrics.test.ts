/** Metrics over HTTP: the scorecard, dashboard and series routes, who reads them, JSON and CSV shapes, refusals. */
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../helpers/test-db.ts';
import { useHttpWorld } from '../helpers/http-world.ts';
import { makeZone } from '../helpers/factories.ts';

describe(`metrics over HTTP (${TEST_ENGINE})`, () => {
  const h = useHttpWorld();
  let zoneKey: string;
  beforeAll(async () => {
    const zone = await makeZone(h.w, h.w.people.lead.id, { tier: 'tier1' });
    zoneKey = zone.key;
    const f = await h.w.services.findings.create(h.w.people.lead.actor, { zone: zone.key, title: 'Leak', severity: 'high', ruleId: 'pii' });
    await h.w.services.triage.decide(h.w.people.lead.actor, { findingIds: [f.id], decision: 'false_positive', rationale: 'not a leak' });
    await h.w.services.remediations.create(h.w.people.lead.actor, {
      zone: zone.key, title: 'Harden the filter', severity: 'critical', impact: 4, feasibility: 3, customerValue: 3, rationale: 'worth it',
    });
  });
  const get = (who: string, url: string) => h.call(who, 'GET', url);

  it("gives a lead their own scorecard by default, and any member anyone's", async () => {
    const mine = await get('lead', '/api/metrics/scorecard?period=30d');
    expect(mine.statusCode).toBe(200);
    const card = mine.json();
    expect(card.owner.email).toBe(h.w.people.lead.email);
    expect(card.period.label).toBe('30d');
    expect(card.figures).toMatchObject({
      closedGapRate: { opened: 1, closed: 0, rate: 0 }, open: { total: 1, bySeverity: { critical: 1 } },
      falsePositives: { triaged: 1, falsePositive: 1, rate: 1 },
    });
    expect(card.falsePositivesByPlugin).toEqual([{ tool: 'manual', plugin: 'pii', triaged: 1, falsePositive: 1, rate: 1 }]);
    const theirs = await get('reviewer', `/api/metrics/scorecard?owner=${encodeURIComponent(h.w.people.lead.email)}`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().figures).toEqual(card.figures);
  });

  it('serves the dashboard to a viewer, for the organization or one zone, as JSON or CSV', async () => {
    const dash = await get('viewer', '/api/metrics/dashboard');
    expect(dash.statusCode).toBe(200);
    const body = dash.json();
    expect(body.scope).toEqual({ kind: 'org' });
    expect(body.period.label).toBe('90d');
    expect(body.zones.map((z: { zone: { key: string } }) => z.zone.key)).toContain(zoneKey);
    expect(body.owners.find((o: { owner: { id: string } }) => o.owner.id === h.w.people.lead.id).figures.open.total).toBe(1);
    const one = await get('viewer', `/api/metrics/dashboard?zone=${zoneKey}&period=2026`);
    expect(one.json()).toMatchObject({ scope: { kind: 'zone', zone: zoneKey }, period: { from: '2026-01-01T00:00:00.000Z' } });

    const csv = await get('viewer', `/api/metrics/dashboard?zone=${zoneKey}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toMatch(/^product,zone_key,zone_name,tier,owner_email,ttr_count,/);
    expect(lines).toHaveLength(2);
    const cells = Object.fromEntries(lines[0]!.split(',').map((h, i) => [h, lines[1]!.split(',')[i]]));
    expect(cells).toMatchObject({ zone_key: zoneKey, open: '1', open_critical: '1', false_positive_rate: '1', ttr_mean_hours: '' });
  });

  it('returns weekly series points, and refuses a bad period or two scopes naming the field', async () => {
    const s = await get('viewer', '/api/metrics/series?period=4w&bucket=week');
    expect(s.statusCode).toBe(200);
    expect(s.json().points.length).toBeGreaterThanOrEqual(4);
    const bad = await get('viewer', '/api/metrics/dashboard?period=soon');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'period' })]);
    const two = await get('viewer', `/api/metrics/series?owner=${h.w.people.lead.id}&zone=${zoneKey}`);
    expect(two.statusCode).toBe(400);
    expect((await h.app.inject({ method: 'GET', url: '/api/metrics/dashboard' })).statusCode).toBe(401);
  });
});
