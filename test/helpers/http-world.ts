/**
 * The usual set-up of an HTTP test file: a fresh database with one organization (see
 * makeWorld), the app over its services, an API token for each member, and `call`, which sends
 * a request as one of them. Read `.t`, `.w` and `.app` inside tests; the database and the app
 * go away after the file.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Services } from '../../src/composition.ts';
import { buildApp } from '../../src/http/app.ts';
import { makeWorld, type World } from './factories.ts';
import { createTestDb, type TestDb } from './test-db.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface HttpWorld {
  readonly t: TestDb;
  readonly w: World;
  readonly app: FastifyInstance;
  /** Bearer tokens by member name (admin, lead, lead2, contributor, reviewer, viewer); add more in a beforeAll. */
  readonly tokens: Record<string, string>;
  /** A request as `who`; a string payload goes as it is, with `contentType` when given. */
  call(who: string, method: HttpMethod, url: string, payload?: unknown, contentType?: string): Promise<LightMyRequestResponse>;
}

export function useHttpWorld(options: { services?: (t: TestDb, w: World) => Services } = {}): HttpWorld {
  const ctx = { tokens: {} as Record<string, string> } as { t: TestDb; w: World; app: FastifyInstance; tokens: Record<string, string> };
  beforeAll(async () => {
    ctx.t = await createTestDb();
    ctx.w = await makeWorld(ctx.t.db);
    const services = options.services ? options.services(ctx.t, ctx.w) : ctx.w.services;
    ctx.app = await buildApp({ services, engine: ctx.t.db.engine, webDist: null });
    for (const [who, person] of Object.entries(ctx.w.people)) {
      ctx.tokens[who] = (await ctx.w.services.auth.createApiToken(person.actor, 'ci')).token;
    }
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.t?.drop();
  });
  return {
    get t() { return ctx.t; },
    get w() { return ctx.w; },
    get app() { return ctx.app; },
    tokens: ctx.tokens,
    call: (who, method, url, payload, contentType) => ctx.app.inject({
      method, url,
      headers: { authorization: `Bearer ${ctx.tokens[who]}`, ...(contentType ? { 'content-type': contentType } : {}) },
      ...(payload === undefined ? {} : { payload: payload as string | object }),
    }),
  };
}
