/**
 * Who is calling: a personal API token (Authorization: Bearer keel_pat_…) or the web app's
 * session cookie. Cookie-authenticated writes must carry `x-keel-request: 1`, a header a
 * cross-site form cannot send (CSRF guard, with the SameSite=Strict cookie).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotAllowedError, UnauthenticatedError } from '../domain/errors.ts';
import type { Actor } from '../services/actor.ts';
import type { AuthService, Principal } from '../services/auth.ts';

export const SESSION_COOKIE = 'keel_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    sessionToken: string | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuthentication(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <API token>"');
      request.principal = await auth.fromApiToken(match[1]!);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.sessionToken = token;
    request.principal = await auth.fromSession(token).catch(() => null);
    if (request.principal && !SAFE.has(request.method) && request.headers['x-keel-request'] !== '1') {
      throw new NotAllowedError('Cookie-authenticated changes need the x-keel-request: 1 header');
    }
  });
}

/** The signed-in principal of a request, or a 401. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthenticatedError('Sign in, or send an API token as "Authorization: Bearer <token>"');
  return request.principal;
}

export function actorOf(request: FastifyRequest): Actor {
  return principalOf(request).actor;
}
