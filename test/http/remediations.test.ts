/** Policy, triage and remediation items over HTTP: validation naming the field, permissions, the shapes the web app reads. */
import { describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../helpers/test-db.ts';
import { useHttpWorld } from '../helpers/http-world.ts';
import { makeZone } from '../helpers/factories.ts';

describe(`remediation items over HTTP (${TEST_ENGINE})`, () => {
  const h = useHttpWorld();
  const { call } = h;

  it('reads the default policy, lets only admins change it, and names a bad cell', async () => {
    const got = await call('viewer', 'GET', '/api/policy');
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ slaDays: { critical: { tier1: 7 } }, priorityWeights: { severity: 0.4 }, safetyShare: { default: 0.15 } });
    expect((await call('lead', 'PATCH', '/api/policy', { sprintDays: 10 })).statusCode).toBe(403);
    const bad = await call('admin', 'PATCH', '/api/policy', { slaDays: { high: { tier2: -3 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('slaDays.high.tier2');
    const share = await call('admin', 'PATCH', '/api/policy', { safetyShare: { default: 0.3 } });
    expect(share.statusCode).toBe(400);
    expect(share.json().detail).toMatch(/safetyShare.default/);
    const ok = await call('admin', 'PATCH', '/api/policy', { slaDays: { critical: { tier1: 5 } } });
    expect(ok.json()).toMatchObject({ slaDays: { critical: { tier1: 5, tier2: 14 } } });
    expect((await call('viewer', 'GET', '/api/policy')).json().slaDays.critical.tier1).toBe(5);
  });

  it('triages from the queue into a new item and walks it through the status flow', async () => {
    const zone = await makeZone(h.w, h.w.people.lead.id, { tier: 'tier1' });
    const f = (await call('contributor', 'POST', '/api/findings', { zone: zone.key, title: 'Prompt injection via tool output', severity: 'critical' })).json();
    const queue = await call('lead', 'GET', `/api/triage/queue?zone=${zone.key}`);
    expect(queue.json()).toMatchObject({ total: 1, limit: 50, offset: 0, items: [{ id: f.id, zoneTier: 'tier1', triage: 'untriaged', owner: { id: h.w.people.lead.id } }] });

    const short = await call('lead', 'POST', '/api/triage/decisions', { findingIds: [f.id], decision: 'false_positive', rationale: 'no' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('rationale');
    expect((await call('contributor', 'POST', '/api/triage/decisions', { findingIds: [f.id], decision: 'false_positive', rationale: 'not real' })).statusCode).toBe(403);

    const decided = await call('lead', 'POST', '/api/triage/decisions', {
      findingIds: [f.id], decision: 'remediate', rationale: 'reaches payments',
      remediation: {
        zone: zone.key, title: 'Sanitize tool output', impact: 5, feasibility: 4, customerValue: 4, rationale: 'reaches payments',
        assigneeId: h.w.people.contributor.id, validatorId: h.w.people.lead2.id, criteria: [{ text: 'Injection suite passes' }],
      },
    });
    expect(decided.statusCode).toBe(200);
    const { remediationId } = decided.json();
    const item = (await call('viewer', 'GET', `/api/remediations/${remediationId}`)).json();
    expect(item).toMatchObject({
      status: 'planned', severity: 'critical', slaDays: 5, findingCount: 1, findings: [{ id: f.id }],
      sla: { overdue: false, paused: false }, permissions: { canEdit: false, canValidate: false, canMoveTo: [] },
    });
    expect((await call('viewer', 'GET', `/api/findings/${f.id}`)).json().triage).toMatchObject({ state: 'remediate', remediation: { key: item.key } });
    expect((await call('contributor', 'GET', `/api/remediations/${item.key}`)).json().permissions.canMoveTo).toEqual(['in_progress']);

    const wrong = await call('contributor', 'POST', `/api/remediations/${item.key}/status`, { to: 'verified' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().detail).toMatch(/cannot move to verified/);
    expect((await call('contributor', 'POST', `/api/remediations/${item.key}/status`, { to: 'in_progress' })).json().status).toBe('in_progress');
    expect((await call('contributor', 'POST', `/api/remediations/${item.key}/status`, { to: 'fixed' })).json().status).toBe('fixed');
    const queue2 = (await call('lead2', 'GET', '/api/queue')).json();
    expect(queue2.items[0]).toMatchObject({ kind: 'remediation.validate', finding: null, remediation: { key: item.key } });
    const early = await call('lead2', 'POST', `/api/remediations/${item.key}/status`, { to: 'verified' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/acceptance criteria is not met/);
    const cid = item.criteria[0].id;
    expect((await call('contributor', 'POST', `/api/remediations/${item.key}/criteria/${cid}/check`, { evidence: 'trust me' })).statusCode).toBe(403);
    const checked = await call('lead2', 'POST', `/api/remediations/${item.key}/criteria/${cid}/check`, { evidence: 'suite run 17: 0 of 300' });
    expect(checked.json().criteria[0]).toMatchObject({ evidence: 'suite run 17: 0 of 300' });
    const verified = await call('lead2', 'POST', `/api/remediations/${item.key}/status`, { to: 'verified' });
    expect(verified.json()).toMatchObject({ status: 'verified' });
    expect(verified.json().decisions.map((d: { kind: string }) => d.kind)).toEqual(['created', 'status', 'status', 'status']);
  });

  it('creates, lists, edits, re-prioritizes, pauses and sets milestones, refusing what breaks the rules', async () => {
    const zone = await makeZone(h.w, h.w.people.lead.id);
    const bad = await call('lead', 'POST', '/api/remediations', { zone: zone.key, title: 'x', impact: 9, feasibility: 1, customerValue: 1, rationale: 'why' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('impact');
    const noSeverity = await call('lead', 'POST', '/api/remediations', { zone: zone.key, title: 'x', impact: 2, feasibility: 1, customerValue: 1, rationale: 'why' });
    expect(noSeverity.json().errors[0].field).toBe('severity');
    expect((await call('lead2', 'POST', '/api/remediations', { zone: zone.key, title: 'x', severity: 'low', impact: 2, feasibility: 1, customerValue: 1, rationale: 'why' })).statusCode).toBe(403);
    const created = await call('lead', 'POST', '/api/remediations', {
      zone: zone.key, title: 'Rate-limit the export', severity: 'medium', impact: 3, feasibility: 5, customerValue: 2, rationale: 'abuse seen',
      milestones: [{ stage: 'prototype', targetDate: '2026-12-20' }],
    });
    expect(created.statusCode).toBe(201);
    const key = created.json().key;
    const list = await call('viewer', 'GET', `/api/remediations?zone=${zone.key}&status=planned,in_progress`);
    expect(list.json()).toMatchObject({ total: 1, items: [{ key, status: 'planned' }] });
    expect((await call('viewer', 'GET', '/api/remediations?status=bogus')).statusCode).toBe(400);
    expect((await call('viewer', 'GET', '/api/remediations/REM-999999')).statusCode).toBe(404);

    const patched = await call('lead', 'PATCH', `/api/remediations/${key}`, { adrUrl: 'https://docs.example/adr/12', systemElement: 'export-service', systemElementKind: 'service' });
    expect(patched.json()).toMatchObject({ adrUrl: 'https://docs.example/adr/12', systemElementKind: 'service' });
    expect((await call('lead', 'PATCH', `/api/remediations/${key}`, { adrUrl: 'not a url' })).json().errors[0].field).toBe('adrUrl');
    const reprio = await call('lead', 'POST', `/api/remediations/${key}/priority`, { impact: 5, rationale: 'a customer escalated' });
    expect(reprio.json()).toMatchObject({ impact: 5, decisions: [{ kind: 'created' }, { kind: 'priority', rationale: 'a customer escalated' }] });
    expect((await call('lead', 'POST', `/api/remediations/${key}/priority`, { impact: 4 })).json().errors[0].field).toBe('rationale');
    const paused = await call('lead', 'POST', `/api/remediations/${key}/sla/pause`, { rationale: 'blocked on legal review' });
    expect(paused.json().sla.paused).toBe(true);
    expect((await call('lead', 'POST', `/api/remediations/${key}/sla/pause`, { rationale: 'again' })).statusCode).toBe(409);
    expect((await call('lead', 'POST', `/api/remediations/${key}/sla/resume`, { rationale: 'legal said yes' })).json().sla.paused).toBe(false);
    const ms = await call('lead', 'PUT', `/api/remediations/${key}/milestones/prototype`, { status: 'done' });
    expect(ms.json()).toMatchObject({ stage: 'done', milestones: [{ stage: 'prototype', status: 'done', targetDate: '2026-12-20' }] });
    expect((await call('lead', 'PUT', `/api/remediations/${key}/milestones/beta`, { status: 'done' })).statusCode).toBe(400);
    const crit = await call('lead', 'POST', `/api/remediations/${key}/criteria`, { text: 'p99 export rate < 5/min', metric: 'exports/min', threshold: '5' });
    expect(crit.json().criteria).toEqual([expect.objectContaining({ position: 1, metric: 'exports/min', metAt: null })]);
    const obsolete = await call('lead', 'POST', `/api/remediations/${key}/status`, { to: 'obsolete' });
    expect(obsolete.json().errors[0].field).toBe('reason');
    expect((await call('lead', 'POST', `/api/remediations/${key}/status`, { to: 'obsolete', reason: 'export feature retired' })).json())
      .toMatchObject({ status: 'obsolete', obsoleteReason: 'export feature retired' });
  });
  it('filters the list by severity and reads an item\'s history from the audit trail', async () => {
    const zone = await makeZone(h.w, h.w.people.lead.id);
    const make = async (title: string, severity: string) => (await call('lead', 'POST', '/api/remediations', {
      zone: zone.key, title, severity, impact: 3, feasibility: 3, customerValue: 3, rationale: 'seen in the red-team day',
    })).json() as { id: string; key: string };
    const high = await make('Pin the tool allow-list', 'high');
    await make('Log refusals', 'low');
    const critical = await make('Sign the fetched pages', 'critical');
    const picked = await call('viewer', 'GET', `/api/remediations?zone=${zone.key}&severity=critical,high`);
    expect(picked.statusCode).toBe(200);
    expect(picked.json().total).toBe(2);
    expect(picked.json().items.map((i: { key: string }) => i.key).sort()).toEqual([critical.key, high.key].sort());
    expect((await call('viewer', 'GET', `/api/remediations?zone=${zone.key}&severity=low`)).json().total).toBe(1);
    const bad = await call('viewer', 'GET', '/api/remediations?severity=urgent');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.severity.0');

    await call('lead', 'POST', `/api/remediations/${high.key}/criteria`, { text: 'No tool outside the list is called' });
    const history = await call('viewer', 'GET', `/api/events?entityType=remediation&entityId=${high.id}`);
    expect(history.statusCode).toBe(200);
    expect(history.json().items.map((e: { action: string }) => e.action)).toEqual(['remediation.criterion_added', 'remediation.created']);
  });
});
