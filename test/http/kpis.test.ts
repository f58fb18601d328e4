/** Safety KPIs over HTTP: validation naming the field, permissions, idempotent measurements, CSV upload, the zone listing the web app reads. */
import { describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../helpers/test-db.ts';
import { useHttpWorld } from '../helpers/http-world.ts';
import { makeZone } from '../helpers/factories.ts';

describe(`safety KPIs over HTTP (${TEST_ENGINE})`, () => {
  const h = useHttpWorld();
  const { call } = h;

  // Measurements are dated relative to now: the server judges them against its clock.
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

  it('defines a KPI and its business pair, records measurements idempotently, and lists the zone with status and pair', async () => {
    const zone = await makeZone(h.w, h.w.people.lead.id, { deputyId: h.w.people.lead2.id });
    const bad = await call('lead', 'POST', '/api/kpis', { zone: zone.key, name: 'Trust', direction: 'sideways', kind: 'outcome', cadence: 'weekly' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('direction');
    const noPeriod = await call('lead', 'POST', '/api/kpis', { zone: zone.key, name: 'Trust', direction: 'higher', kind: 'outcome', cadence: 'weekly', targetKind: 'relative', targetValue: 0.1 });
    expect(noPeriod.statusCode).toBe(400);
    expect(noPeriod.json().errors[0].field).toBe('targetPeriod');
    expect((await call('lead2', 'POST', '/api/kpis', { zone: zone.key, name: 'Trust', direction: 'higher', kind: 'outcome', cadence: 'weekly' })).statusCode).toBe(403);

    const trust = await call('lead', 'POST', '/api/kpis', {
      zone: zone.key, key: 'trust-score', name: 'Trust score', direction: 'higher', kind: 'lagging', cadence: 'daily',
      targetKind: 'absolute', targetValue: 80, targetPeriod: 'year', baseline: 70,
    });
    expect(trust.statusCode).toBe(201);
    expect(trust.json()).toMatchObject({ key: 'trust-score', status: { status: 'no_data' }, permissions: { edit: true, record: true } });
    const volume = await call('admin', 'POST', '/api/kpis', {
      zone: zone.key, key: 'tx-volume', name: 'Transaction volume', unit: 'k/day', direction: 'higher', kind: 'outcome', category: 'business',
      pairedKpi: 'trust-score', cadence: 'daily',
    });
    expect(volume.statusCode).toBe(201);
    expect((await call('admin', 'POST', '/api/kpis', { zone: zone.key, key: 'trust-score', name: 'Again', direction: 'higher', kind: 'outcome', cadence: 'daily' })).statusCode).toBe(409);

    // minutes ago, so both fall in this year's period whenever the test runs (but the first ten minutes of a year)
    const body = [{ measuredAt: daysAgo(0.007), value: 81 }, { measuredAt: daysAgo(0.0035), value: 83 }];
    const first = await call('lead2', 'POST', '/api/kpis/trust-score/measurements', body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const again = await call('contributor', 'POST', '/api/kpis/trust-score/measurements', body);
    expect(again.json()).toMatchObject({ created: 0, unchanged: 2, message: 'Nothing changed: 2 measurements were already recorded with the same value.' });
    const fix = await call('lead', 'POST', '/api/kpis/trust-score/measurements', [{ measuredAt: body[1]!.measuredAt, value: 84 }]);
    expect(fix.json()).toMatchObject({ updated: 1, items: [{ outcome: 'updated', previous: 83, value: 84 }] });
    expect((await call('viewer', 'POST', '/api/kpis/trust-score/measurements', body)).statusCode).toBe(403);
    const future = await call('lead', 'POST', '/api/kpis/trust-score/measurements', [{ measuredAt: daysAgo(-3), value: 1 }]);
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ field: '0.measuredAt', message: expect.stringContaining('is in the future') });
    const notNumber = await call('lead', 'POST', '/api/kpis/trust-score/measurements', [{ measuredAt: daysAgo(1), value: 'high' }]);
    expect(notNumber.statusCode).toBe(400);
    expect(notNumber.json().errors[0].field).toBe('0.value');

    const listed = await call('viewer', 'GET', `/api/zones/${zone.key}/kpis`);
    expect(listed.statusCode).toBe(200);
    const page = listed.json();
    expect(page.items.map((k: { key: string; paired: { key: string } | null }) => [k.key, k.paired?.key])).toEqual([['tx-volume', 'trust-score'], ['trust-score', 'tx-volume']]);
    const trustRow = page.items[1];
    expect(trustRow).toMatchObject({ latest: { value: 84 }, permissions: { edit: false, record: false } });
    expect(trustRow.status.status).not.toBe('no_data');
    expect(trustRow.status.rule).toMatch(/^target ≥ 80 by year end: /);
    expect(page.summary.no_data).toBe(1);

    const series = await call('viewer', 'GET', '/api/kpis/tx-volume/series');
    expect(series.statusCode).toBe(200);
    expect(series.json()).toMatchObject({ kpi: { key: 'tx-volume' }, points: [], paired: { kpi: { key: 'trust-score' } } });
    expect(series.json().paired.points.map((p: { value: number }) => p.value)).toEqual([81, 84]);
    expect((await call('viewer', 'GET', '/api/kpis/tx-volume/series?from=not-a-date')).statusCode).toBe(400);
    expect((await call('viewer', 'GET', '/api/kpis/nope')).statusCode).toBe(404);

    const activity = await call('lead', 'POST', '/api/kpis', { zone: zone.key, name: 'Red-team sessions held', direction: 'higher', kind: 'leading', measures: 'activity', cadence: 'monthly' });
    expect(activity.json()).toMatchObject({ key: 'red-team-sessions-held', measures: 'activity' });
    expect((await call('viewer', 'GET', `/api/zones/${zone.key}/kpis`)).json().items).toHaveLength(2);
    expect((await call('viewer', 'GET', `/api/zones/${zone.key}/kpis?includeActivity=true`)).json().items).toHaveLength(3);
    expect((await call('viewer', 'GET', `/api/kpis?zone=${zone.key}&includeActivity=true`)).json().items).toHaveLength(3);

    const archived = await call('lead', 'PATCH', '/api/kpis/red-team-sessions-held', { archived: true });
    expect(archived.json().archivedAt).not.toBeNull();
    const closed = await call('admin', 'POST', '/api/kpis/red-team-sessions-held/measurements', [{ measuredAt: daysAgo(1), value: 2 }]);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().detail).toBe('KPI red-team-sessions-held is archived; restore it to record measurements');
  });

  it('takes a CSV upload in one transaction, naming the line and column of a bad row', async () => {
    const zone = await makeZone(h.w, h.w.people.lead.id);
    await call('lead', 'POST', '/api/kpis', { zone: zone.key, key: 'csv-leaks', name: 'Leaks', direction: 'lower', kind: 'outcome', cadence: 'daily' });
    const bad = await call('contributor', 'POST', '/api/kpis/measurements/csv', `kpi,measured_at,value\ncsv-leaks,${daysAgo(3)},2\ncsv-leaks,yesterday,1\n`, 'text/csv');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ line: 3, column: 'measured_at' }] });
    expect(bad.json().detail).toMatch(/^Nothing was imported\. line 3, column measured_at: "yesterday" is not a date/);
    expect((await call('viewer', 'GET', '/api/kpis/csv-leaks/series')).json().points).toEqual([]);
    const ok = await call('contributor', 'POST', '/api/kpis/measurements/csv', `kpi,measured_at,value\ncsv-leaks,${daysAgo(3)},2\ncsv-leaks,${daysAgo(2)},1\n`, 'text/csv');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ rows: 2, created: 2, message: 'Recorded 2 new measurements.' });
    const json = await call('contributor', 'POST', '/api/kpis/measurements/csv', { kpi: 'csv-leaks' });
    expect(json.statusCode).toBe(400);
  });
});
