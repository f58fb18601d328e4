/** Routing rules: which zone takes the findings of a run imported without a zone. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema } from '../../contracts/common.ts';
import { RoutingRuleCreateSchema, RoutingRuleSchema } from '../../contracts/routing.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

export function routingRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { routing } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Routing'];

  r.get('/api/routing-rules', {
    schema: { tags, summary: 'Routing rules in the order they are tried (first match wins)', response: { 200: z.object({ items: z.array(RoutingRuleSchema) }) } },
  }, async (request) => ({ items: await routing.list(actorOf(request)) }));

  r.post('/api/routing-rules', {
    schema: { tags, summary: 'Add a routing rule (admin)', body: RoutingRuleCreateSchema, response: { 201: RoutingRuleSchema } },
  }, async (request, reply) => reply.code(201).send(await routing.create(actorOf(request), request.body)));

  r.delete('/api/routing-rules/:id', {
    schema: { tags, summary: 'Remove a routing rule (admin)', params: z.object({ id: IdSchema }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await routing.remove(actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });
}
