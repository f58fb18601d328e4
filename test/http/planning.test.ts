/** Planning, safety debt and re-scoping over HTTP: validation, permissions, the shapes the web app reads. */
import { describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../helpers/test-db.ts';
import { useHttpWorld } from '../helpers/http-world.ts';
import { makeZone } from '../helpers/factories.ts';

describe(`planning and debt over HTTP (${TEST_ENGINE})`, () => {
  const h = useHttpWorld();
  const { call } = h;

  it('creates a period, names a bad field, shows the plan and schedules an item with what it displaced', async () => {
    const bad = await call('lead', 'POST', '/api/planning/periods', { name: 'Q', startsOn: '2026-13-01', endsOn: '2026-12-31', sprints: { count: 2, capacity: 10 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('startsOn');
    const narrow = await call('lead', 'POST', '/api/planning/periods', {
      name: 'Q', startsOn: '2030-01-01', endsOn: '2030-03-31', safetyShare: 0.3, sprints: { count: 3, capacity: 10 } });
    expect(narrow.statusCode).toBe(400);
    expect(narrow.json().errors).toEqual([expect.objectContaining({ field: 'safetyShare' })]);
    expect((await call('viewer', 'POST', '/api/planning/periods', {
      name: 'Q', startsOn: '2030-01-01', endsOn: '2030-03-31', sprints: { count: 3, capacity: 10 } })).statusCode).toBe(403);

    const created = await call('lead', 'POST', '/api/planning/periods', {
      name: '2030 Q1', startsOn: '2030-01-01', endsOn: '2030-03-31', sprints: [{ name: 'Kick-off', capacity: 20 }, { capacity: 30 }] });
    expect(created.statusCode).toBe(201);
    const period = created.json();
    expect(period).toMatchObject({ name: '2030 Q1', safetyShare: 0.15, capacity: 50, sprints: [{ name: 'Kick-off', startsOn: '2030-01-01' }, { name: 'Sprint 2', endsOn: '2030-03-31' }] });
    expect((await call('viewer', 'GET', '/api/planning/periods')).json().items.map((p: { name: string }) => p.name)).toContain('2030 Q1');

    const zone = await makeZone(h.w, h.w.people.lead.id, { tier: 'tier1' });
    const make = (title: string, severity: string, effort: number) => h.w.services.remediations.create(h.w.people.admin.actor, {
      zone: zone.key, title, severity: severity as 'low', impact: 3, feasibility: 3, customerValue: 3, rationale: 'from the exercise', effort });
    const low = await make('Old low item', 'low', 3);
    const sprintId = period.sprints[0].id;
    expect((await call('lead2', 'PUT', `/api/remediations/${low.id}/sprint`, { sprintId })).statusCode).toBe(403);
    expect((await call('lead', 'PUT', `/api/remediations/${low.id}/sprint`, { sprintId })).json()).toMatchObject({ decision: 'scheduled', displaced: [] });
    const crit = await make('New critical', 'critical', 2);
    const r = await call('lead', 'PUT', `/api/remediations/REM-${crit.number}/sprint`, { sprintId, rationale: 'jumps the queue' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ decision: 'scheduled', sprint: { reserve: 3, used: 5 }, displaced: [{ id: low.id, title: 'Old low item' }] });
    const deferred = await call('lead', 'PUT', `/api/remediations/${low.id}/sprint`, { sprintId: period.sprints[1].id });
    expect(deferred.statusCode).toBe(400);
    expect(deferred.json().errors[0].field).toBe('rationale');

    const plan = await call('viewer', 'GET', `/api/planning/periods/${encodeURIComponent('2030 Q1')}/plan`);
    expect(plan.statusCode).toBe(200);
    expect(plan.json().sprints[0]).toMatchObject({ reserve: 3, used: 5, items: [{ title: 'New critical', withinReserve: true }, { title: 'Old low item', withinReserve: false }] });
    expect((await call('viewer', 'GET', '/api/planning/periods/nope/plan')).statusCode).toBe(404);
  });

  it('reads debt, escalations and the re-scoping list; only admins and leads trigger escalation', async () => {
    const debt = await call('viewer', 'GET', '/api/debt');
    expect(debt.statusCode).toBe(200);
    expect(debt.json()).toMatchObject({ total: 0, items: [], rules: { sprintDays: 14, debtInterestRate: 0.25, escalateAfterSprints: 2, zoneDebtThreshold: 40 } });
    expect((await call('viewer', 'GET', '/api/debt?zone=no-such-zone')).json().errors[0].field).toBe('zone');
    expect((await call('viewer', 'POST', '/api/debt/escalate')).statusCode).toBe(403);
    expect((await call('lead', 'POST', '/api/debt/escalate')).json()).toEqual({ escalated: [], notified: 0 });
    expect((await call('viewer', 'GET', '/api/debt/escalations')).json()).toEqual({ items: [] });
    const stale = await call('viewer', 'GET', '/api/remediations/stale');
    expect(stale.statusCode).toBe(200);
    expect(stale.json()).toMatchObject({ staleAfterDays: 30, items: [] });
  });
});
