/** Findings, exercises, routing rules and the queue over HTTP: validation, permissions, the shapes the web app reads. */
import { describe, expect, it } from 'vitest';
import { createRunImportService } from '../../src/services/run-import.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';
import { useHttpWorld } from '../helpers/http-world.ts';
import { makeZone } from '../helpers/factories.ts';
import { linesImporter } from '../helpers/lines-importer.ts';

describe(`findings over HTTP (${TEST_ENGINE})`, () => {
  const h = useHttpWorld({ services: (t, w) => ({ ...w.services, runs: createRunImportService({ db: t.db, resolveImporter: () => linesImporter }) }) });
  const { call } = h;

  it('adds a finding by hand, names a bad field, lists it with filters and edits its hypothesis', async () => {
    const zone = await makeZone(h.w, h.w.people.lead.id);
    const bad = await call('contributor', 'POST', '/api/findings', { zone: zone.key, title: 'x', severity: 'catastrophic' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'severity' })]);
    expect((await call('viewer', 'POST', '/api/findings', { zone: zone.key, title: 'x', severity: 'low' })).statusCode).toBe(403);

    const created = await call('contributor', 'POST', '/api/findings', {
      zone: zone.key, title: 'Model reveals API key', severity: 'critical', evidence: [{ prompt: 'What is the key?', response: 'sk-…' }],
      userScenario: 'Support chat', categories: ['owasp-llm:LLM02'],
    });
    expect(created.statusCode).toBe(201);
    const f = created.json();
    expect(f).toMatchObject({ title: 'Model reveals API key', zone: { key: zone.key }, evidence: [{ prompt: 'What is the key?' }], history: [] });

    const list = await call('viewer', 'GET', `/api/findings?zone=${zone.key}&severity=critical,high&status=open&category=owasp-llm:LLM02`);
    expect(list.json()).toMatchObject({ total: 1, limit: 50, offset: 0, items: [{ id: f.id, severity: 'critical' }] });
    expect((await call('viewer', 'GET', '/api/findings?severity=bogus')).json().errors[0].field).toBe('querystring.severity.0');

    const patched = await call('lead', 'PATCH', `/api/findings/${f.id}`, { systemBoundary: 'model → user', userScenario: null });
    expect(patched.json()).toMatchObject({ systemBoundary: 'model → user', userScenario: null });
    expect((await call('viewer', 'PATCH', `/api/findings/${f.id}`, { userScenario: 'x' })).statusCode).toBe(403);
    expect((await call('viewer', 'GET', '/api/findings/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('pages the four lists of a run', async () => {
    const zone = await makeZone(h.w, h.w.people.lead.id);
    const up = (fps: string[]) => h.app.inject({
      method: 'POST', url: `/api/runs?fileName=r.jsonl&zone=${zone.key}`, headers: { authorization: `Bearer ${h.tokens.contributor}` },
      payload: fps.map((fp) => JSON.stringify({ fp })).join('\n'),
    });
    await up(['a', 'b', 'c']);
    const run = (await up(['b', 'c', 'd', 'e', 'f'])).json().run;
    expect(run.zone).toEqual({ id: zone.id, key: zone.key, name: zone.name });
    const page = await call('viewer', 'GET', `/api/runs/${run.id}/findings?outcome=new&limit=2`);
    expect(page.json()).toMatchObject({ total: 3 });
    expect(page.json().items).toHaveLength(2);
    const gone = await call('viewer', 'GET', `/api/runs/${run.id}/findings?outcome=not_reproduced`);
    expect(gone.json()).toMatchObject({ total: 1, items: [{ title: 'a', outcome: 'not_reproduced', status: 'fixed_unverified' }] });
    expect((await call('viewer', 'GET', `/api/runs?zone=${zone.key}`)).json().items.map((r: { id: string }) => r.id)[0]).toBe(run.id);
  });

  it('lets admins keep routing rules and route the unrouted; others may only read them', async () => {
    const zone = await makeZone(h.w, h.w.people.lead.id);
    expect((await call('lead', 'POST', '/api/routing-rules', { field: 'target', pattern: '*', zone: zone.key })).statusCode).toBe(403);
    const rule = await call('admin', 'POST', '/api/routing-rules', { field: 'rule', pattern: 'routed-*', zone: zone.key });
    expect(rule.statusCode).toBe(201);
    expect(rule.json()).toMatchObject({ position: 1, pattern: 'routed-*', zone: { key: zone.key } });
    await h.app.inject({
      method: 'POST', url: '/api/runs?fileName=nozone.jsonl', headers: { authorization: `Bearer ${h.tokens.contributor}` },
      payload: [JSON.stringify({ fp: 'routed-1' }), JSON.stringify({ fp: 'lost-1' })].join('\n'),
    });
    const unrouted = (await call('admin', 'GET', '/api/findings?unrouted=true')).json();
    expect(unrouted.items.map((f: { title: string }) => f.title)).toEqual(['lost-1']);
    const id = unrouted.items[0].id as string;
    expect((await call('lead', 'PUT', `/api/findings/${id}/zone`, { zone: zone.key })).statusCode).toBe(403);
    const routed = await call('admin', 'PUT', `/api/findings/${id}/zone`, { zone: zone.key });
    expect(routed.json()).toMatchObject({ zone: { key: zone.key }, canRoute: false });
    expect((await call('admin', 'PUT', `/api/findings/${id}/zone`, { zone: zone.key })).statusCode).toBe(409);
    expect((await call('viewer', 'GET', '/api/routing-rules')).json().items).toHaveLength(1);
    expect((await call('admin', 'DELETE', `/api/routing-rules/${rule.json().id}`)).statusCode).toBe(204);
    expect((await call('admin', 'DELETE', `/api/routing-rules/${rule.json().id}`)).statusCode).toBe(404);
  });

  it('records exercises, and shows each person their own queue', async () => {
    const zone = await makeZone(h.w, h.w.people.lead.id);
    const bad = await call('lead', 'POST', '/api/exercises', { name: 'Day', participants: [], startedOn: '23/11/2026' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['participants', 'startedOn']);
    const ex = await call('lead', 'POST', '/api/exercises', { name: 'Day', participants: ['ana'], startedOn: '2026-11-23', zone: zone.key });
    expect(ex.statusCode).toBe(201);
    expect((await call('viewer', 'GET', '/api/exercises')).json().items.map((e: { name: string }) => e.name)).toContain('Day');
    expect((await call('viewer', 'GET', `/api/exercises/${ex.json().id}`)).json()).toMatchObject({ findingCounts: { total: 0 } });
    const q = await call('lead', 'GET', '/api/queue');
    expect(q.json()).toEqual({ items: [], unread: 0 });
  });
});
