/** PRD reviews, pre-mortems and launch gates over HTTP: refusals as problem+json naming the field, the gate with evidence, decisions and co-signed overrides. */
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../helpers/test-db.ts';
import { useHttpWorld } from '../helpers/http-world.ts';
import { makeZone, PASSWORD } from '../helpers/factories.ts';
import { userActor } from '../../src/services/actor.ts';

describe(`launch gates over HTTP (${TEST_ENGINE})`, () => {
  const h = useHttpWorld();
  const { call } = h;
  beforeAll(async () => {
    const admin2 = await h.w.services.users.add(h.w.system, { email: `second-${h.w.slug}@example.com`, name: 'Second Admin', role: 'admin', password: PASSWORD });
    h.tokens.admin2 = (await h.w.services.auth.createApiToken(userActor(h.w.orgId, admin2.id, 'admin'), 'ci')).token;
  });

  it('walks a PRD to approval: the refusal names each failure mode, then the gate and an overridden go', async () => {
    const zone = await makeZone(h.w, h.w.people.lead.id, { tier: 'tier1' });
    const bad = await call('contributor', 'POST', '/api/prds', { zone: zone.key, title: 'Voice', failureModes: [{ harm: 'x', bucket: 'user_wellbeing', severity: 'high', likelihood: 'possible' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'failureModes.0.harm' });

    const created = await call('contributor', 'POST', '/api/prds', { zone: zone.key, title: 'Voice', url: 'https://docs.example/voice' });
    expect(created.statusCode).toBe(201);
    const prd = created.json();
    const added = await call('contributor', 'POST', `/api/prds/${prd.id}/failure-modes`, { harm: 'Voice clone of a relative', bucket: 'user_wellbeing', severity: 'critical', likelihood: 'unlikely' });
    expect(added.json()).toMatchObject({ failureModeCount: 1, approvalProblems: [{ field: 'failureModes.1.mitigation' }] });
    expect((await call('contributor', 'POST', `/api/prds/${prd.id}/submit`)).json().status).toBe('in_review');
    expect((await call('contributor', 'POST', `/api/prds/${prd.id}/approve`)).statusCode).toBe(403);
    const refused = await call('lead', 'POST', `/api/prds/${prd.id}/approve`);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      code: 'conflict', detail: 'The PRD cannot be approved: failure mode 1 "Voice clone of a relative" is critical and has no planned mitigation',
      errors: [{ field: 'failureModes.1.mitigation' }],
    });

    const launch = (await call('lead', 'POST', '/api/launches', { zone: zone.key, name: 'Voice GA', plannedOn: '2026-06-01', prdId: prd.id })).json();
    const gate = await call('viewer', 'GET', `/api/launches/${encodeURIComponent(`${zone.key}/Voice GA`)}/gate`);
    expect(gate.statusCode).toBe(200);
    expect(gate.json()).toMatchObject({
      launch: { id: launch.id, name: 'Voice GA', zone: { key: zone.key, tier: 'tier1' }, status: 'planned' },
      evaluation: { passed: false, failing: ['prd_approved', 'premortem_done'] },
    });
    expect(gate.json().evaluation.checks[0]).toMatchObject({ key: 'prd_approved', status: 'fail', evidence: [{ kind: 'prd', id: prd.id, detail: 'in review' }] });

    expect((await call('lead', 'POST', `/api/launches/${launch.id}/decision`, { decision: 'ship', rationale: 'go go' })).json().errors[0].field).toBe('decision');
    expect((await call('admin', 'POST', `/api/launches/${launch.id}/decision`, { decision: 'go', rationale: 'ship it' })).statusCode).toBe(403);
    const asked = await call('lead', 'POST', `/api/launches/${launch.id}/decision`, { decision: 'go', rationale: 'Board accepted the voice risk' });
    expect(asked.json()).toMatchObject({ status: 'awaiting_cosign', override: false });
    const cosigned = await call('admin2', 'POST', `/api/launches/${launch.id}/cosign`, { rationale: 'Accepted at the board on 2026-05-20' });
    expect(cosigned.statusCode).toBe(200);
    expect(cosigned.json()).toMatchObject({ status: 'go', override: true, decisions: [{ kind: 'override_requested' }, { kind: 'override_cosigned', override: true }] });
    const list = await call('viewer', 'GET', `/api/launches?zone=${zone.key}`);
    expect(list.json().items).toEqual([expect.objectContaining({ id: launch.id, status: 'go', override: true })]);
  });

  it('records a pre-mortem and turns a mitigation into a finding in one step', async () => {
    const zone = await makeZone(h.w, h.w.people.lead.id, { tier: 'tier2' });
    const pm = await call('contributor', 'POST', '/api/premortems', {
      zone: zone.key, release: 'model-2026-06', heldOn: '2026-05-02', participants: ['Lee', 'Cy'],
      scenarios: [{ scenario: 'the new model obeys instructions hidden in PDFs', causes: 'No PDF probes in the suite', mitigations: ['Add PDF injection probes'] }],
    });
    expect(pm.statusCode).toBe(201);
    const body = pm.json();
    const mitigation = body.scenarios[0].mitigations[0];
    const tracked = await call('contributor', 'POST', `/api/premortems/${body.id}/mitigations/${mitigation.id}/follow-up`, { kind: 'finding', severity: 'high' });
    expect(tracked.statusCode).toBe(200);
    const findingId = tracked.json().scenarios[0].mitigations[0].findingId;
    const finding = (await call('viewer', 'GET', `/api/findings/${findingId}`)).json();
    expect(finding).toMatchObject({ title: 'Add PDF injection probes', severity: 'high', ruleId: 'premortem', zone: { key: zone.key } });
    expect((await call('viewer', 'PUT', `/api/premortems/${body.id}/done`, { done: true })).statusCode).toBe(403);
    expect((await call('contributor', 'PUT', `/api/premortems/${body.id}/done`, { done: true })).json()).toMatchObject({ done: true });
    expect((await call('viewer', 'GET', '/api/launches/00000000-0000-0000-0000-000000000000/gate')).statusCode).toBe(404);
  });
});
