/** Findings: the filtered list, one finding, manual findings, the hypothesis, routing to a zone. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema } from '../../contracts/common.ts';
import {
  FindingCreateSchema, FindingDetailSchema, FindingListQuerySchema, FindingListSchema, FindingPatchSchema, FindingRouteSchema,
} from '../../contracts/findings.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

const Params = z.object({ id: IdSchema });

export function findingRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { findings } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Findings'];

  r.get('/api/findings', {
    schema: { tags, summary: 'Findings with filters, sorted and paginated', querystring: FindingListQuerySchema, response: { 200: FindingListSchema } },
  }, async (request) => {
    const q = request.query;
    return { ...(await findings.list(actorOf(request), q)), limit: q.limit, offset: q.offset };
  });

  r.get('/api/findings/:id', {
    schema: { tags, summary: 'One finding with its evidence, hypothesis and run history', params: Params, response: { 200: FindingDetailSchema } },
  }, async (request) => findings.get(actorOf(request), request.params.id));

  r.post('/api/findings', {
    schema: {
      tags, summary: 'Add a finding by hand (alone, or from a red-team exercise)', body: FindingCreateSchema,
      response: { 201: FindingDetailSchema },
    },
  }, async (request, reply) => reply.code(201).send(await findings.create(actorOf(request), request.body)));

  r.patch('/api/findings/:id', {
    schema: {
      tags, summary: 'Edit the hypothesis (user scenario, threat model, system boundary) or when it was introduced',
      params: Params, body: FindingPatchSchema, response: { 200: FindingDetailSchema },
    },
  }, async (request) => findings.update(actorOf(request), request.params.id, request.body));

  r.put('/api/findings/:id/zone', {
    schema: { tags, summary: 'Route an unrouted finding to a zone (admin)', params: Params, body: FindingRouteSchema, response: { 200: FindingDetailSchema } },
  }, async (request) => findings.route(actorOf(request), request.params.id, request.body.zone));
}
