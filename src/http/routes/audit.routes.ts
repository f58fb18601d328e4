/** The audit trail: history of an entity or of the organization, and chain verification. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EventListSchema, HistoryQuerySchema, VerifyResultSchema } from '../../contracts/audit.ts';
import type { Services } from '../../composition.ts';
import { InputError } from '../../domain/errors.ts';
import { actorOf } from '../authentication.ts';

export function auditRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { audit } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Audit'];

  r.get('/api/events', {
    schema: { tags, summary: "Audit events, newest first: one entity's history or the organization's", querystring: HistoryQuerySchema, response: { 200: EventListSchema } },
  }, async (request) => {
    const q = request.query;
    if (q.entityType && q.entityId) return { items: await audit.history(actorOf(request), q.entityType, q.entityId, q.limit) };
    if (q.entityType || q.entityId) throw InputError.field(q.entityType ? 'entityId' : 'entityType', 'give both entityType and entityId, or neither');
    return { items: await audit.recent(actorOf(request), q.limit, q.beforeSeq) };
  });

  r.get('/api/audit/verify', {
    schema: { tags, summary: "Recompute the organization's hash chain and report the first break", response: { 200: VerifyResultSchema } },
  }, async (request) => audit.verify(actorOf(request)));
}
