/** Sign-in, sign-out, the current person, the org switcher, password, API tokens. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenSchema, ChangePasswordRequestSchema, CreateApiTokenRequestSchema, CreatedApiTokenSchema, LoginRequestSchema,
  MeSchema, SwitchOrgRequestSchema,
} from '../../contracts/auth.ts';
import { IdSchema } from '../../contracts/common.ts';
import type { Services } from '../../composition.ts';
import { SESSION_DAYS } from '../../services/auth.ts';
import { actorOf, principalOf, SESSION_COOKIE } from '../authentication.ts';

export interface AuthRouteOptions {
  services: Services;
  secureCookie: (protocol: string) => boolean;
  loginRateLimit: number;
}

export function authRoutes(app: FastifyInstance, opts: AuthRouteOptions): void {
  const { services } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Account'];

  r.post('/api/auth/login', {
    schema: { tags, summary: 'Sign in with email and password (sets the session cookie)', body: LoginRequestSchema, response: { 200: MeSchema } },
    config: { rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const { token, me } = await services.auth.login(request.body.email, request.body.password, request.body.org);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: opts.secureCookie(request.protocol),
      maxAge: SESSION_DAYS * 24 * 3600,
    });
    return me;
  });

  r.post('/api/auth/logout', { schema: { tags, summary: 'Sign out (ends the session)' } }, async (request, reply) => {
    if (request.sessionToken) await services.auth.logout(request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  r.get('/api/me', { schema: { tags, summary: 'The signed-in person, their organization and role', response: { 200: MeSchema } } },
    async (request) => services.auth.me(principalOf(request)));

  r.put('/api/me/org', {
    schema: { tags, summary: 'Switch the session to another organization', body: SwitchOrgRequestSchema, response: { 200: MeSchema } },
  }, async (request) => {
    const p = principalOf(request);
    if (!request.sessionToken) throw new Error('org switching needs a session');
    return services.auth.switchOrg(request.sessionToken, p, request.body.org);
  });

  r.put('/api/me/password', { schema: { tags, summary: 'Change your password', body: ChangePasswordRequestSchema } },
    async (request, reply) => {
      await services.users.changeOwnPassword(actorOf(request), request.body.currentPassword, request.body.newPassword);
      return reply.code(204).send();
    });

  r.get('/api/me/tokens', { schema: { tags, summary: 'Your API tokens in this organization', response: { 200: z.object({ items: z.array(ApiTokenSchema) }) } } },
    async (request) => ({ items: await services.auth.listApiTokens(actorOf(request)) }));

  r.post('/api/me/tokens', {
    schema: { tags, summary: 'Create a personal API token (shown once)', body: CreateApiTokenRequestSchema, response: { 201: CreatedApiTokenSchema } },
  }, async (request, reply) => {
    const created = await services.auth.createApiToken(actorOf(request), request.body.name, request.body.expiresInDays);
    return reply.code(201).send(created);
  });

  r.delete('/api/me/tokens/:id', {
    schema: { tags, summary: 'Revoke one of your API tokens', params: z.object({ id: IdSchema }), response: { 200: ApiTokenSchema } },
  }, async (request) => services.auth.revokeApiToken(actorOf(request), request.params.id));
}
