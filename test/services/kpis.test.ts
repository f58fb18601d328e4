/** Safety KPIs: definitions and who may make them, idempotent measurements with corrections kept, CSV uploads, status per zone. */
import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotAllowedError } from '../../src/domain/errors.ts';
import { createKpiService, kpiStatusForZone, kpiValueAt } from '../../src/services/kpis.ts';
import { makeZone, useWorld } from '../helpers/factories.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';

const weekly = (from: string, values: number[]) =>
  values.map((value, i) => ({ measuredAt: new Date(Date.parse(from) + i * 7 * 86_400_000).toISOString(), value }));

describe(`safety KPIs (${TEST_ENGINE})`, () => {
  const ctx = useWorld();
  const clock = new Date('2026-05-14T12:00:00.000Z');
  const kpis = () => createKpiService({ db: ctx.t.db, now: () => clock });
  const events = async (entityId: string) => (await ctx.w.services.audit.history(ctx.w.system, 'kpi', entityId, 50))
    .map((e) => ({ action: e.action, before: e.before, after: e.after }));

  it('lets the zone owner and admins define KPIs, names the field of a bad target, and refuses a second key', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { deputyId: people.lead2.id });
    const kpi = await kpis().create(people.lead.actor, {
      zone: zone.key, name: 'Jailbreak success rate', unit: '%', direction: 'lower', kind: 'outcome', baseline: 4.4,
      targetKind: 'relative', targetValue: -0.15, targetPeriod: 'quarter', cadence: 'weekly',
    });
    expect(kpi).toMatchObject({
      key: 'jailbreak-success-rate', zone: { key: zone.key }, measures: 'outcome', category: 'safety', paired: null, latest: null,
      targetKind: 'relative', targetValue: -0.15, status: { status: 'no_data' }, permissions: { edit: true, record: true },
    });
    expect(kpi.status.rule).toBe('target −15 % quarter over quarter: no measurement this quarter yet: no data');
    expect(await events(kpi.id)).toEqual([expect.objectContaining({ action: 'kpi.created', after: expect.objectContaining({ key: kpi.key, targetValue: -0.15 }) })]);

    const base = { zone: zone.key, name: 'Other', direction: 'lower' as const, kind: 'outcome' as const, cadence: 'weekly' as const };
    await expect(kpis().create(people.lead2.actor, base)).rejects.toThrow('A lead may define or change the KPIs of a zone only when they own the zone');
    await expect(kpis().create(people.contributor.actor, base)).rejects.toThrow('A contributor may not define or change the KPIs of a zone');
    await expect(kpis().create(people.lead.actor, { ...base, targetKind: 'relative', targetValue: -0.1 })).rejects.toMatchObject({ issues: [{ field: 'targetPeriod' }] });
    await expect(kpis().create(people.lead.actor, { ...base, targetValue: 3 })).rejects.toMatchObject({ issues: [{ field: 'targetKind' }] });
    await expect(kpis().create(people.lead.actor, { ...base, targetKind: 'relative', targetValue: -1.5, targetPeriod: 'month' })).rejects.toMatchObject({ issues: [{ field: 'targetValue' }] });
    await expect(kpis().create(people.admin.actor, { ...base, key: 'jailbreak-success-rate' })).rejects.toBeInstanceOf(ConflictError);
    await expect(kpis().create(people.admin.actor, { ...base, key: 'Not A Key!' })).rejects.toMatchObject({ issues: [{ field: 'key' }] });
    const other = await makeZone(ctx.w, people.lead2.id);
    await expect(kpis().create(people.admin.actor, { ...base, zone: other.key, pairedKpi: kpi.key })).rejects.toThrow(/pairedKpi: jailbreak-success-rate belongs to zone/);
  });

  it('records measurements idempotently per instant: same value changes nothing, another value is a correction kept in the audit trail', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { deputyId: people.lead2.id });
    const kpi = await kpis().create(people.admin.actor, { zone: zone.key, key: `refusals-${zone.key}`, name: 'Over-refusals', direction: 'lower', kind: 'leading', cadence: 'daily' });
    const first = await kpis().record(people.contributor.actor, kpi.key, [
      { measuredAt: '2026-05-01', value: 3 }, { measuredAt: '2026-05-02T00:00:00+00:00', value: 2.5 },
    ]);
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, message: 'Recorded 2 new measurements.' });
    const again = await kpis().record(people.lead2.actor, kpi.key, [{ measuredAt: '2026-05-01T00:00:00Z', value: 3 }]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, message: 'Nothing changed: 1 measurement was already recorded with the same value.' });
    const fixed = await kpis().record(people.lead.actor, kpi.key, [{ measuredAt: '2026-05-02', value: 2 }, { measuredAt: '2026-05-03', value: 1.5 }]);
    expect(fixed).toMatchObject({ created: 1, updated: 1, items: [{ outcome: 'updated', previous: 2.5, value: 2 }, { outcome: 'created', previous: null }] });
    expect(fixed.message).toBe('Recorded 1 new measurement, 1 correction (old values kept in the audit trail).');
    const series = await kpis().series(people.viewer.actor, kpi.key, { from: '2026-05-01', to: '2026-05-03' });
    expect(series.points.map((p) => [p.measuredAt.slice(0, 10), p.value, p.recordedBy])).toEqual([
      ['2026-05-01', 3, `user:${people.contributor.id}`], ['2026-05-02', 2, `user:${people.lead.id}`], ['2026-05-03', 1.5, `user:${people.lead.id}`],
    ]);
    const log = await events(kpi.id);
    // newest first; the unchanged re-send left no event
    expect(log.map((e) => e.action)).toEqual(['kpi.measurement_corrected', 'kpi.measurements_recorded', 'kpi.measurements_recorded', 'kpi.created']);
    expect(log[0]).toMatchObject({ before: { measuredAt: '2026-05-02T00:00:00.000Z', value: 2.5 }, after: { value: 2 } });

    await expect(kpis().record(people.viewer.actor, kpi.key, [{ measuredAt: '2026-05-04', value: 1 }])).rejects.toThrow('A viewer may not record KPI measurements');
    const notMine = await makeZone(ctx.w, people.lead2.id);
    const theirs = await kpis().create(people.admin.actor, { zone: notMine.key, key: `theirs-${notMine.key}`, name: 'Theirs', direction: 'higher', kind: 'outcome', cadence: 'weekly' });
    await expect(kpis().record(people.lead.actor, theirs.key, [{ measuredAt: '2026-05-04', value: 1 }])).rejects.toThrow(/only when they own the zone/);
    await expect(kpis().record(people.lead.actor, kpi.key, [{ measuredAt: '2026-06-01', value: 1 }])).rejects.toThrow('Nothing was recorded. 0.measuredAt: 2026-06-01T00:00:00.000Z is in the future');
    await expect(kpis().record(people.lead.actor, kpi.key, [{ measuredAt: 'May 4', value: 1 }])).rejects.toMatchObject({ issues: [{ field: '0.measuredAt' }] });
    await expect(kpis().record(people.lead.actor, kpi.key, [{ measuredAt: '2026-05-04', value: 1 }, { measuredAt: '2026-05-04T00:00Z', value: 2 }]))
      .rejects.toMatchObject({ issues: [{ field: '1.measuredAt', message: '2026-05-04T00:00:00.000Z is given twice (first at 0.measuredAt)' }] });
    // refused batches wrote nothing
    expect((await kpis().series(people.viewer.actor, kpi.key, { from: '2026-05-04' })).points).toEqual([]);

    await kpis().update(people.lead.actor, kpi.key, { archived: true });
    await expect(kpis().record(people.admin.actor, kpi.key, [{ measuredAt: '2026-05-04', value: 1 }])).rejects.toThrow(`KPI ${kpi.key} is archived; restore it to record measurements`);
    const restored = await kpis().update(people.lead.actor, kpi.key, { archived: false });
    expect(restored.archivedAt).toBeNull();
    expect((await events(kpi.id)).slice(0, 2).map((e) => e.action)).toEqual(['kpi.restored', 'kpi.archived']);
  });

  it('imports a CSV in one transaction: a bad line names line and column and writes nothing', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    const a = await kpis().create(people.lead.actor, { zone: zone.key, key: `csv-a-${zone.key}`, name: 'A', direction: 'lower', kind: 'outcome', cadence: 'daily' });
    const b = await kpis().create(people.lead.actor, { zone: zone.key, key: `csv-b-${zone.key}`, name: 'B', direction: 'higher', kind: 'outcome', cadence: 'daily' });
    const bad = `kpi,measured_at,value\n${a.key},2026-05-01,1\n${b.key},2026-05-01,abc\nnope,2026-05-01,2\n${a.key},2026-13-01,1\n`;
    const refused = kpis().importCsv(people.lead.actor, bad);
    await expect(refused).rejects.toBeInstanceOf(InputError);
    await expect(refused).rejects.toMatchObject({
      message: 'Nothing was imported. line 3, column value: "abc" is not a number (and 1 more problem)',
      issues: [{ line: 3, column: 'value' }, { line: 5, column: 'measured_at' }],
    });
    await expect(kpis().importCsv(people.lead.actor, `kpi,measured_at,value\n${a.key},2026-05-01,1\nnope,2026-05-01,2\n`))
      .rejects.toMatchObject({ issues: [{ line: 3, column: 'kpi', message: 'no KPI "nope" in this organization' }] });
    await expect(kpis().importCsv(people.lead.actor, 'kpi,when,value\nx,2026-05-01,1\n')).rejects.toMatchObject({ issues: [{ line: 1, column: 'when' }, { line: 1, column: 'measured_at' }] });
    await expect(kpis().importCsv(people.viewer.actor, `kpi,measured_at,value\n${a.key},2026-05-01,1\n`))
      .rejects.toMatchObject({ issues: [{ line: 2, column: 'kpi', message: 'A viewer may not record KPI measurements' }] });
    expect((await kpis().series(people.viewer.actor, a.key)).points).toEqual([]);

    const good = `KPI,Measured_At,Value\n${a.key},2026-05-01,1\n${a.key},2026-05-02,0.5\n${b.key},2026-05-01T09:00:00Z,90\n`;
    const done = await kpis().importCsv(people.lead.actor, good);
    expect(done).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0, message: '2 KPIs: 3 new, 0 corrected, 0 already recorded.' });
    const again = await kpis().importCsv(people.lead.actor, good.replace(',0.5', ',0.25'));
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect((await kpis().series(people.viewer.actor, a.key)).points.map((p) => [p.value, p.source])).toEqual([[1, 'csv'], [0.25, 'csv']]);
  });

  it('lists a zone\'s KPIs with status, rule and paired metric; activity metrics only when asked; the service helpers for gates and the board', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    const trust = await kpis().create(people.lead.actor, {
      zone: zone.key, key: `trust-${zone.key}`, name: 'Trust score', direction: 'higher', kind: 'lagging', cadence: 'weekly',
      targetKind: 'absolute', targetValue: 80, baseline: 70,
    });
    const volume = await kpis().create(people.lead.actor, {
      zone: zone.key, key: `volume-${zone.key}`, name: 'Transaction volume', unit: 'k/day', direction: 'higher', kind: 'outcome',
      category: 'business', pairedKpi: trust.key, cadence: 'weekly',
    });
    await kpis().create(people.lead.actor, {
      zone: zone.key, key: `meetings-${zone.key}`, name: 'Safety meetings held', direction: 'higher', kind: 'leading', measures: 'activity', cadence: 'monthly',
    });
    await kpis().record(people.lead.actor, trust.key, weekly('2026-04-01', [72, 73, 74, 75, 76, 77, 78]));
    await kpis().record(people.lead.actor, volume.key, weekly('2026-04-01', [10, 11, 12]));

    const listed = await kpis().forZone(people.viewer.actor, zone.key);
    expect(listed.items.map((k) => [k.name, k.status.status, k.paired?.name ?? null])).toEqual([
      ['Transaction volume', 'no_data', 'Trust score'],
      ['Trust score', 'on_track', 'Transaction volume'],
    ]);
    expect(listed.summary).toEqual({ on_track: 1, at_risk: 0, off_track: 0, no_data: 1 });
    const t = listed.items[1]!;
    expect(t).toMatchObject({ latest: { value: 78 }, permissions: { edit: false, record: false } });
    // 72 on 1 April rising 1 a week: 85 by 1 July
    expect(t.status.rule).toBe('target ≥ 80 by quarter end: this quarter so far 75; the linear trend reaches 85 by quarter end, meeting the goal of 80: on track');
    const all = await kpis().forZone(people.viewer.actor, zone.key, { includeActivity: true });
    expect(all.items.map((k) => k.name)).toContain('Safety meetings held');
    expect(all.summary.no_data).toBe(2);

    const series = await kpis().series(people.viewer.actor, volume.key, { from: '2026-01-01' });
    expect(series.points.map((p) => p.value)).toEqual([10, 11, 12]);
    expect(series.paired).toMatchObject({ kpi: { key: trust.key, status: { status: 'on_track' } } });
    expect(series.paired!.points).toHaveLength(7);

    // for the launch gate and the review board: inside any transaction, at any instant
    // on 5 April, one measurement (72): 20 % of the way from the baseline 70 to 80, and 10 % short
    const early = await kpiStatusForZone(ctx.t.db, ctx.w.orgId, zone.id, { at: new Date('2026-04-05T00:00:00Z') });
    expect(early.map((e) => [e.kpi.key, e.status.status, e.latest?.value ?? null])).toEqual([
      [volume.key, 'no_data', 10], [trust.key, 'off_track', 72],
    ]);
    expect(early[1]!.status.rule).toBe('target ≥ 80 by quarter end: one measurement this quarter, 72, so no trend yet, short of the goal of 80 with only 20 % of the required move made: off track');
    expect((await kpiStatusForZone(ctx.t.db, ctx.w.orgId, zone.id, { includeActivity: true })).map((e) => e.kpi.measures)).toContain('activity');
    expect(await kpiValueAt(ctx.t.db, trust.id, new Date('2026-04-10T00:00:00Z'))).toEqual({ measuredAt: '2026-04-08T00:00:00.000Z', value: 73 });
    expect(await kpiValueAt(ctx.t.db, trust.id, new Date('2026-03-01T00:00:00Z'))).toBeNull();
  });

  it('edits a definition with before and after in the audit trail, and only for owners and admins', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    const kpi = await kpis().create(people.lead.actor, { zone: zone.key, key: `edit-${zone.key}`, name: 'Leak rate', direction: 'lower', kind: 'outcome', cadence: 'weekly' });
    await expect(kpis().update(people.contributor.actor, kpi.key, { name: 'x' })).rejects.toBeInstanceOf(NotAllowedError);
    const edited = await kpis().update(people.lead.actor, kpi.id, { targetKind: 'absolute', targetValue: 0.5, unit: '%' });
    expect(edited).toMatchObject({ targetKind: 'absolute', targetValue: 0.5, unit: '%', targetPeriod: null });
    expect((await events(kpi.id))[0]).toMatchObject({
      action: 'kpi.updated', before: { targetKind: null, targetValue: null, unit: '' }, after: { key: kpi.key, targetKind: 'absolute', targetValue: 0.5, unit: '%' },
    });
    await expect(kpis().update(people.lead.actor, kpi.id, { targetKind: 'relative' })).rejects.toMatchObject({ issues: [{ field: 'targetPeriod' }] });
    await expect(kpis().update(people.lead.actor, kpi.id, { pairedKpi: kpi.key })).rejects.toMatchObject({ issues: [{ field: 'pairedKpi' }] });
    const cleared = await kpis().update(people.lead.actor, kpi.id, { targetKind: null, targetValue: null });
    expect(cleared.status).toMatchObject({ status: 'no_data', rule: 'no target set' });
    const before = (await events(kpi.id)).length;
    await kpis().update(people.lead.actor, kpi.id, { name: 'Leak rate' });
    expect((await events(kpi.id)).length).toBe(before);
  });
});
