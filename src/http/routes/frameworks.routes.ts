/** Frameworks: catalog with coverage counts, coverage per item, mappings. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema } from '../../contracts/common.ts';
import { CoverageSchema, FrameworkSummarySchema, MappingCreateSchema, MappingSchema } from '../../contracts/frameworks.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

const FrameworkRef = z.object({ id: z.string().min(1).max(40) });

export function frameworkRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { frameworks: s } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Frameworks'];

  r.get('/api/frameworks', {
    schema: { tags, summary: 'The frameworks shipped, with how many items have evidence', response: { 200: z.object({ items: z.array(FrameworkSummarySchema) }) } },
  }, async (request) => ({ items: await s.list(actorOf(request)) }));

  r.get('/api/frameworks/:id/coverage', {
    schema: { tags, summary: 'Every item of a framework with its evidence and coverage status', params: FrameworkRef, response: { 200: CoverageSchema } },
  }, async (request) => s.coverage(actorOf(request), request.params.id));

  r.get('/api/frameworks/:id/mappings', {
    schema: {
      tags, summary: 'Explicit mappings of a framework (or one item)', params: FrameworkRef,
      querystring: z.object({ item: z.string().max(40).optional() }), response: { 200: z.object({ items: z.array(MappingSchema) }) },
    },
  }, async (request) => ({ items: await s.mappings(actorOf(request), request.params.id, request.query.item) }));

  r.post('/api/frameworks/mappings', {
    schema: { tags, summary: 'Map a zone, finding, remediation item or a control to a framework item', body: MappingCreateSchema, response: { 201: MappingSchema } },
  }, async (request, reply) => reply.code(201).send(await s.addMapping(actorOf(request), request.body)));

  r.delete('/api/frameworks/mappings/:mappingId', {
    schema: { tags, summary: 'Remove a mapping', params: z.object({ mappingId: IdSchema }) },
  }, async (request, reply) => {
    await s.removeMapping(actorOf(request), request.params.mappingId);
    return reply.code(204).send();
  });
}
