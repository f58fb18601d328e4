/** The signed-in person's queue. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema } from '../../contracts/common.ts';
import { QueueSchema } from '../../contracts/queue.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

export function queueRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { queue } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Queue'];

  r.get('/api/queue', {
    schema: { tags, summary: 'My queue: regressed findings in zones I own, unread first', response: { 200: QueueSchema } },
  }, async (request) => queue.list(actorOf(request)));

  r.post('/api/queue/:id/read', {
    schema: { tags, summary: 'Mark a queue item read', params: z.object({ id: IdSchema }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await queue.markRead(actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });
}
