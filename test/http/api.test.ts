/** The HTTP edge: authentication, problem+json errors naming the field, OpenAPI, CSV, rate limits. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { createTestDb, TEST_ENGINE, type TestDb } from '../helpers/test-db.ts';
import { makeWorld, makeZone, PASSWORD, type World } from '../helpers/factories.ts';

describe(`HTTP API (${TEST_ENGINE})`, () => {
  let t: TestDb;
  let w: World;
  let app: FastifyInstance;
  let adminToken: string;
  let viewerToken: string;
  beforeAll(async () => {
    t = await createTestDb();
    w = await makeWorld(t.db);
    app = await buildApp({ services: w.services, engine: t.db.engine, loginRateLimit: 5, webDist: null });
    adminToken = (await w.services.auth.createApiToken(w.people.admin.actor, 'test')).token;
    viewerToken = (await w.services.auth.createApiToken(w.people.viewer.actor, 'test')).token;
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('refuses anonymous calls with a 401 problem', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/zones' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('lists zones for a token holder, paginated', async () => {
    await makeZone(w, w.people.lead.id);
    const res = await app.inject({ method: 'GET', url: '/api/zones?limit=1', headers: bearer(viewerToken) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ limit: 1, offset: 0 });
    expect(res.json().items).toHaveLength(1);
  });

  it('shows a handoff in the next list response (the page cache follows the audit sequence)', async () => {
    const zone = await makeZone(w, w.people.lead.id, { name: 'Http cache probe' });
    const owner = async () => (await app.inject({ method: 'GET', url: '/api/zones?q=http%20cache%20probe', headers: bearer(viewerToken) })).json().items[0].owner.id;
    expect(await owner()).toBe(w.people.lead.id);
    expect(await owner()).toBe(w.people.lead.id);
    const res = await app.inject({
      method: 'POST', url: `/api/zones/${zone.key}/handoffs`, headers: bearer(adminToken), payload: { toUserId: w.people.lead2.id, reason: 'rebalancing' },
    });
    expect(res.statusCode).toBe(200);
    expect(await owner()).toBe(w.people.lead2.id);
  });

  it('names the offending field in a 400 problem and changes nothing', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/zones', headers: bearer(adminToken),
      payload: { product: w.productKey, name: 'Bad', tier: 'tier9', buckets: ['user_wellbeing'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_input', errors: [{ field: 'tier' }] });
    expect(res.json().detail).toMatch(/^tier: /);
    const query = await app.inject({ method: 'GET', url: '/api/zones?limit=9999', headers: bearer(adminToken) });
    expect(query.json().errors[0].field).toBe('querystring.limit');
  });

  it('refuses a viewer with a 403 problem saying what is not allowed', async () => {
    const zone = await makeZone(w, w.people.lead.id);
    const res = await app.inject({
      method: 'POST', url: `/api/zones/${zone.key}/handoffs`, headers: bearer(viewerToken),
      payload: { toUserId: w.people.lead2.id, reason: 'I would like to' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('A viewer may not hand off zones');
  });

  it('returns a 409 problem listing the zones when deactivating an owner', async () => {
    const zone = await makeZone(w, w.people.lead2.id, { name: 'Held zone' });
    const res = await app.inject({
      method: 'PATCH', url: `/api/users/${w.people.lead2.id}`, headers: bearer(adminToken), payload: { status: 'deactivated' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toContainEqual({ field: 'zones', message: `${zone.key}: owner of Held zone` });
  });

  it('signs in with a cookie; cookie writes need the x-keel-request header', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: w.people.lead.email, password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'keel_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const cookies = { keel_session: cookie.value };
    expect((await app.inject({ method: 'GET', url: '/api/me', cookies })).json()).toMatchObject({ role: 'lead' });
    const zone = await makeZone(w, w.people.lead.id);
    const write = { method: 'PATCH' as const, url: `/api/zones/${zone.key}`, cookies, payload: { description: 'via cookie' } };
    expect((await app.inject(write)).statusCode).toBe(403);
    const ok = await app.inject({ ...write, headers: { 'x-keel-request': '1' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().description).toBe('via cookie');
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies, headers: { 'x-keel-request': '1' } });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/me', cookies })).statusCode).toBe(401);
  });

  it('rate-limits sign-in attempts', async () => {
    const attempt = () => app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { email: 'x@example.com', password: 'nope' } });
    const codes: number[] = [];
    for (let i = 0; i < 7; i += 1) codes.push((await attempt()).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes[6]).toBe(429);
    const limited = await attempt();
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
  });

  it('serves an OpenAPI 3.1 document describing the routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/zones', '/api/zones/{ref}/handoffs', '/api/reports/ownership', '/api/audit/verify', '/api/zones/import']));
    expect(doc.paths['/api/zones'].post.requestBody.content['application/json'].schema.properties.tier.enum).toEqual(['tier1', 'tier2', 'tier3', 'tier4']);
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('exports the ownership report as CSV and imports zones from a CSV body', async () => {
    const imp = await app.inject({
      method: 'POST', url: '/api/zones/import', headers: { ...bearer(adminToken), 'content-type': 'text/csv' },
      payload: `product_key,zone_key,zone_name,tier,buckets,owner_email\nhttp,http-zone,Via HTTP,tier1,systemic_integrity,${w.people.lead.email}\n`,
    });
    expect(imp.statusCode).toBe(200);
    expect(imp.json()).toMatchObject({ zonesCreated: 1 });
    const bad = await app.inject({
      method: 'POST', url: '/api/zones/import', headers: { ...bearer(adminToken), 'content-type': 'text/csv' },
      payload: 'product_key,zone_name,tier,buckets,owner_email\nhttp,Second,tier1,nope,someone@example.com\n',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ line: 2, column: 'buckets' });
    const csv = await app.inject({ method: 'GET', url: '/api/reports/ownership?format=csv', headers: bearer(viewerToken) });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('tier,product,zone_key,zone_name,owner_name,owner_email,owner_status,deputy_email,owner_inactive,tier1_without_deputy');
    expect(lines).toContainEqual(`tier1,http,http-zone,Via HTTP,Lee Lead,${w.people.lead.email},active,,no,yes`);
  });

  it('hides internal errors behind a request id', async () => {
    const broken = await buildApp({ services: { ...w.services, zones: { ...w.services.zones, list: async () => { throw new Error('secret SQL detail'); } } }, engine: 'x', webDist: null });
    const res = await broken.inject({ method: 'GET', url: '/api/zones', headers: bearer(adminToken) });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret SQL detail');
    expect(res.json().requestId).toBeTruthy();
    await broken.close();
  });
});
