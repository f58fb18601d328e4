/** Uploading a run over HTTP: the body streams into the importer; the reply is the run summary. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { createRunImportService } from '../../src/services/run-import.ts';
import { createTestDb, TEST_ENGINE, type TestDb } from '../helpers/test-db.ts';
import { makeWorld, makeZone, type World } from '../helpers/factories.ts';
import { linesImporter } from '../helpers/lines-importer.ts';

describe(`runs over HTTP (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let w: World;
  let app: FastifyInstance;
  let token: string;
  let viewer: string;
  beforeAll(async () => {
    t = await createTestDb();
    w = await makeWorld(t.db);
    const services = { ...w.services, runs: createRunImportService({ db: t.db, resolveImporter: () => linesImporter }) };
    app = await buildApp({ services, engine: t.db.engine, webDist: null });
    token = (await w.services.auth.createApiToken(w.people.contributor.actor, 'ci')).token;
    viewer = (await w.services.auth.createApiToken(w.people.viewer.actor, 'ci')).token;
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });
  const lines = (...fps: string[]) => fps.map((fp) => JSON.stringify({ fp, title: `Finding ${fp}`, severity: 'critical' })).join('\n');
  const upload = (zone: string, body: string, auth = token) => app.inject({
    method: 'POST', url: `/api/runs?fileName=results.jsonl&zone=${zone}`, payload: body,
    headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/octet-stream' },
  });

  it('imports a streamed file, then shows the run with each finding\'s outcome', async () => {
    const zone = await makeZone(w, w.people.lead.id);
    const first = await upload(zone.key, lines('a', 'b'));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ unchanged: false, run: { fileName: 'results.jsonl', zoneId: zone.id, counts: { new: 2 } } });
    const second = await upload(zone.key, lines('b', 'c'));
    const runId = second.json().run.id as string;
    const detail = await app.inject({ method: 'GET', url: `/api/runs/${runId}`, headers: { authorization: `Bearer ${viewer}` } });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().findings.map((f: { title: string; outcome: string }) => `${f.title}:${f.outcome}`).sort())
      .toEqual(['Finding a:not_reproduced', 'Finding b:still_present', 'Finding c:new']);
    const again = await upload(zone.key, lines('b', 'c'));
    expect(again.json()).toMatchObject({ unchanged: true, run: { id: runId } });
    const list = await app.inject({ method: 'GET', url: '/api/runs', headers: { authorization: `Bearer ${viewer}` } });
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(runId);
  });

  it('names the bad line in a 400 problem and keeps nothing', async () => {
    const zone = await makeZone(w, w.people.lead.id);
    const res = await upload(zone.key, `${lines('ok')}\nnot json at all`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_input', errors: [{ line: 2 }] });
    const [n] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM findings WHERE zone_id = $1', [zone.id]);
    expect(n!.n).toBe(0);
  });

  it('streams a large scanner log from a socket through the parsing thread, and names the byte where a cut one ends', async () => {
    // Real services: a file over 4 MB is parsed on the worker thread (services/import-parsing.ts).
    const real = await buildApp({ services: w.services, engine: t.db.engine, webDist: null });
    const base = await real.listen({ port: 0, host: '127.0.0.1' });
    try {
      const zone = await makeZone(w, w.people.lead.id);
      const sarif = new TextEncoder().encode(JSON.stringify({
        version: '2.1.0',
        runs: [{
          tool: { driver: { name: 'Scanner', rules: [{ id: 'r1', shortDescription: { text: 'Rule one' }, help: { text: 'Fix it.' } }] } },
          results: Array.from({ length: 5000 }, (_, i) => ({
            ruleId: 'r1', message: { text: `Issue ${i}: ${'detail '.repeat(150)}` },
            locations: [{ physicalLocation: { artifactLocation: { uri: `src/f${i}.js` }, region: { startLine: 3 } } }],
          })),
        }],
      }));
      expect(sarif.length).toBeGreaterThan(5 * 1024 * 1024);
      const post = (bytes: Uint8Array, name: string) => fetch(`${base}/api/runs?fileName=${name}&zone=${zone.key}`, {
        method: 'POST', duplex: 'half',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        // Sent in 64 KB pieces, as a client streams a file.
        body: new ReadableStream({
          start(c) {
            for (let i = 0; i < bytes.length; i += 64 * 1024) c.enqueue(bytes.subarray(i, i + 64 * 1024));
            c.close();
          },
        }),
      } as RequestInit);
      const ok = await post(sarif, 'big.sarif');
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ unchanged: false, run: { format: 'sarif', sizeBytes: sarif.length, counts: { new: 5000 } } });

      const cut = sarif.subarray(0, sarif.length - 1000);
      const bad = await post(cut, 'cut.sarif');
      expect(bad.status).toBe(400);
      expect((await bad.json()).detail).toContain(`ends in the middle of a JSON value after ${cut.length} bytes`);
      const [n] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM runs WHERE zone_id = $1', [zone.id]);
      expect(n!.n).toBe(1);
    } finally {
      await real.close();
    }
  });

  it('refuses a viewer, and a missing file name', async () => {
    const zone = await makeZone(w, w.people.lead.id);
    expect((await upload(zone.key, lines('x'), viewer)).statusCode).toBe(403);
    const res = await app.inject({ method: 'POST', url: '/api/runs', payload: 'x', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('querystring.fileName');
  });
});
