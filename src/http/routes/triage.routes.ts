/** Triage: my queue of findings waiting for a decision, and decisions on many findings at once. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TriageDecideResultSchema, TriageDecideSchema, TriageQueueQuerySchema, TriageQueueSchema } from '../../contracts/triage.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

export function triageRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { triage } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Triage'];

  r.get('/api/triage/queue', {
    schema: {
      tags, summary: 'Untriaged and regressed findings of my zones: tier-1 critical first, then severity, tier, oldest',
      querystring: TriageQueueQuerySchema, response: { 200: TriageQueueSchema },
    },
  }, async (request) => {
    const q = request.query;
    return { ...(await triage.queue(actorOf(request), q)), limit: q.limit, offset: q.offset };
  });

  r.post('/api/triage/decisions', {
    schema: {
      tags, summary: 'One decision on one or many findings: remediate, duplicate, false positive or accept the risk',
      body: TriageDecideSchema, response: { 200: TriageDecideResultSchema },
    },
  }, async (request) => triage.decide(actorOf(request), request.body));
}
