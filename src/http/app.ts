/**
 * The HTTP edge. Plugin order: compilers → cookies → rate limit → OpenAPI → authentication
 * → error handler → routes → web app. A handler is: parse → one service call → present.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Services } from '../composition.ts';
import { registerAuthentication } from './authentication.ts';
import { registerOpenApi } from './openapi.ts';
import { sendProblem, toProblem } from './problem.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { productRoutes } from './routes/products.routes.ts';
import { reportRoutes } from './routes/reports.routes.ts';
import { exerciseRoutes } from './routes/exercises.routes.ts';
import { findingRoutes } from './routes/findings.routes.ts';
import { metricsRoutes } from './routes/metrics.routes.ts';
import { queueRoutes } from './routes/queue.routes.ts';
import { policyRoutes } from './routes/policy.routes.ts';
import { triageRoutes } from './routes/triage.routes.ts';
import { remediationRoutes } from './routes/remediations.routes.ts';
import { planningRoutes } from './routes/planning.routes.ts';
import { debtRoutes } from './routes/debt.routes.ts';
import { kpiRoutes } from './routes/kpis.routes.ts';
import { boardRoutes } from './routes/board.routes.ts';
import { routingRoutes } from './routes/routing.routes.ts';
import { prdRoutes } from './routes/prds.routes.ts';
import { premortemRoutes } from './routes/premortems.routes.ts';
import { launchRoutes } from './routes/launches.routes.ts';
import { runRoutes } from './routes/runs.routes.ts';
import { userRoutes } from './routes/users.routes.ts';
import { zoneRoutes } from './routes/zones.routes.ts';
import { riskRoutes } from './routes/risks.routes.ts';
import { frameworkRoutes } from './routes/frameworks.routes.ts';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

export interface AppOptions {
  services: Services;
  engine: string;
  logLevel?: string;
  cookieSecure?: 'true' | 'false' | 'auto';
  loginRateLimit?: number;
  webDist?: string | null;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logLevel && opts.logLevel !== 'silent' ? { level: opts.logLevel } : false,
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Zone files arrive as raw text.
  app.addContentTypeParser(['text/csv', 'text/plain', 'application/yaml', 'application/x-yaml', 'text/yaml'],
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429, code: 'RATE_LIMITED',
      message: `Too many attempts; try again in ${Math.ceil(ctx.ttl / 1000)} s`,
    }),
  });
  await registerOpenApi(app);

  app.setErrorHandler((err, request, reply) => sendProblem(reply, toProblem(err, request)));
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!request.url.startsWith('/api/docs')) {
      reply.header('x-frame-options', 'DENY');
      reply.header('content-security-policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'");
    }
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  registerAuthentication(app, opts.services.auth);
  const secureCookie = (protocol: string) =>
    opts.cookieSecure === 'true' || (opts.cookieSecure !== 'false' && protocol === 'https');
  authRoutes(app, { services: opts.services, secureCookie, loginRateLimit: opts.loginRateLimit ?? 10 });
  zoneRoutes(app, opts);
  productRoutes(app, opts);
  userRoutes(app, opts);
  reportRoutes(app, opts);
  auditRoutes(app, opts);
  await runRoutes(app, opts);
  findingRoutes(app, opts);
  exerciseRoutes(app, opts);
  routingRoutes(app, opts);
  queueRoutes(app, opts);
  metricsRoutes(app, opts);
  policyRoutes(app, opts);
  triageRoutes(app, opts);
  remediationRoutes(app, opts);
  planningRoutes(app, opts);
  debtRoutes(app, opts);
  riskRoutes(app, opts);
  frameworkRoutes(app, opts);
  kpiRoutes(app, opts);
  boardRoutes(app, opts);
  prdRoutes(app, opts);
  premortemRoutes(app, opts);
  launchRoutes(app, opts);
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true, engine: opts.engine }));

  const webDist = opts.webDist === undefined ? WEB_DIST : opts.webDist;
  const hasWeb = webDist !== null && existsSync(`${webDist}index.html`);
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: true, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    // API routes, other methods and missing files (a path with an extension) are real 404s.
    if (request.url.startsWith('/api/') || request.method !== 'GET' || /\.[a-z0-9]+$/i.test(request.url.split('?')[0]!)) {
      return sendProblem(reply, {
        type: 'https://keel.dev/problems/not_found', title: 'Not found', status: 404, code: 'not_found',
        detail: `No route ${request.method} ${request.url.split('?')[0]}`,
      });
    }
    if (!hasWeb) {
      return reply.code(503).type('text/plain').send('The web app is not built. Run `npm run build:web`, then reload.');
    }
    // The single-page app routes everything else.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
