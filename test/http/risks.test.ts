/** The risk register and frameworks over HTTP: validation naming the field, signatures, expiry, CSV, coverage. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../helpers/test-db.ts';
import { useHttpWorld } from '../helpers/http-world.ts';
import { makeZone } from '../helpers/factories.ts';

describe(`risk register over HTTP (${TEST_ENGINE})`, () => {
  const h = useHttpWorld();
  const { call } = h;
  const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it('records, signs (owner then admin for critical), filters and exports the register', async () => {
    const zone = await makeZone(h.w, h.w.people.lead.id, { tier: 'tier1' });
    const finding = await h.w.services.findings.create(h.w.system, { zone: zone.key, title: 'Spanish self-harm bypass', severity: 'critical' });
    const bad = await call('lead', 'POST', '/api/risks', { zone: zone.key, title: '', justification: 'x', expiresOn: 'next month' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['expiresOn', 'justification', 'title']);
    const created = await call('lead', 'POST', '/api/risks', {
      zone: zone.key, title: 'Spanish bypass until the multilingual classifier', justification: 'Launch in Spain is contractual',
      compensatingControls: 'Human review of flagged Spanish replies', residualSeverity: 'critical', reviewOn: future(10), expiresOn: future(20),
      findingIds: [finding.id], exposureAmount: 40, exposureUnit: 'conversations/day',
    });
    expect(created.statusCode).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({ status: 'draft', findingCount: 1, approval: { required: ['owner', 'admin'] }, permissions: { canApprove: true } });
    expect((await call('lead2', 'POST', `/api/risks/${r.key}/approve`)).statusCode).toBe(403);
    expect((await call('lead', 'POST', `/api/risks/${r.key}/approve`)).json()).toMatchObject({ status: 'draft', approval: { missing: [{ capacity: 'admin' }] } });
    expect((await call('lead', 'GET', `/api/risks/${r.id}`)).json().permissions.canApprove).toBe(false);
    expect((await call('admin', 'POST', `/api/risks/${r.key}/approve`)).json()).toMatchObject({ status: 'approved', approval: { missing: [] } });
    expect((await call('lead', 'PATCH', `/api/risks/${r.id}`, { title: 'New' })).statusCode).toBe(409);

    const list = await call('viewer', 'GET', `/api/risks?zone=${zone.key}&status=approved&residualSeverity=critical&expiringWithinDays=30`);
    expect(list.json()).toMatchObject({ total: 1, items: [{ key: r.key, daysToExpiry: 20 }] });
    expect((await call('viewer', 'GET', `/api/risks?zone=${zone.key}&expiringWithinDays=5`)).json().total).toBe(0);
    expect((await call('viewer', 'GET', '/api/risks?status=lost')).statusCode).toBe(400);
    const csv = await call('viewer', 'GET', `/api/risks?zone=${zone.key}&format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(csv.body) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 3)).toEqual([r.key, 'approved', 'Spanish bypass until the multilingual classifier']);

    expect((await call('lead', 'POST', '/api/risks/expire')).statusCode).toBe(403);
    expect((await call('admin', 'POST', '/api/risks/expire')).json()).toEqual({ expired: [], findingsReopened: 0, queued: 0 });
    const revoked = await call('lead', 'POST', `/api/risks/${r.key}/revoke`, { reason: 'Classifier shipped' });
    expect(revoked.json()).toMatchObject({ status: 'revoked', lapsedFindings: 1, findings: [{ triage: 'untriaged' }] });
    expect((await call('viewer', 'GET', '/api/risks/RISK-9999')).statusCode).toBe(404);
  });

  it('shows framework coverage and takes mappings', async () => {
    const list = await call('viewer', 'GET', '/api/frameworks');
    expect(list.json().items.map((f: { id: string }) => f.id)).toEqual(['nist-ai-rmf', 'iso-42001', 'owasp-llm', 'mitre-atlas']);
    const zone = await makeZone(h.w, h.w.people.lead.id);
    const made = await call('lead', 'POST', '/api/frameworks/mappings', { framework: 'nist-ai-rmf', itemId: 'GV-1.1', targetType: 'zone', target: zone.key });
    expect(made.statusCode).toBe(201);
    const bad = await call('lead', 'POST', '/api/frameworks/mappings', { framework: 'nist-ai-rmf', itemId: 'GV-9.9', targetType: 'zone', target: zone.key });
    expect(bad.json()).toMatchObject({ status: 400, errors: [{ field: 'itemId' }] });
    const cov = (await call('viewer', 'GET', '/api/frameworks/nist-ai-rmf/coverage')).json();
    expect(cov.items.find((i: { id: string }) => i.id === 'GV-1.1')).toMatchObject({ status: 'mapped', evidence: { zones: 1 } });
    expect((await call('viewer', 'GET', '/api/frameworks/nist-ai-rmf/mappings?item=GV-1.1')).json().items).toHaveLength(1);
    expect((await call('viewer', 'DELETE', `/api/frameworks/mappings/${made.json().id}`)).statusCode).toBe(403);
    expect((await call('lead', 'DELETE', `/api/frameworks/mappings/${made.json().id}`)).statusCode).toBe(204);
    expect((await call('viewer', 'GET', '/api/frameworks/pci/coverage')).statusCode).toBe(404);
  });
});
