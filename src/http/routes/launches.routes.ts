/** Launches and their gate: plan, evaluate with evidence, decide go or pause, co-sign an override. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CosignSchema, DecisionSchema, GateReportSchema, LaunchCreateSchema, LaunchDetailSchema, LaunchListQuerySchema, LaunchListSchema,
  LaunchPatchSchema,
} from '../../contracts/launches.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

const Ref = z.object({ ref: z.string().min(1).max(300).describe('Launch id, zone-key/launch-name, or a zone key (its next launch)') });
const detail = { 200: LaunchDetailSchema };

export function launchRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { launches: s } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Launch gates'];

  r.get('/api/launches', {
    schema: { tags, summary: 'Launches, latest planned date first', querystring: LaunchListQuerySchema, response: { 200: LaunchListSchema } },
  }, async (request) => ({ items: await s.list(actorOf(request), request.query) }));

  r.post('/api/launches', {
    schema: { tags, summary: 'Plan a launch in a zone (its owner or an admin)', body: LaunchCreateSchema, response: { 201: LaunchDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await s.create(actorOf(request), request.body)));

  r.get('/api/launches/:ref', {
    schema: { tags, summary: 'One launch: the gate now, every decision with its checks, permissions', params: Ref, response: detail },
  }, async (request) => s.get(actorOf(request), request.params.ref));

  r.patch('/api/launches/:ref', {
    schema: { tags, summary: 'Change the name, date, PRD or pre-mortem (before it goes)', params: Ref, body: LaunchPatchSchema, response: detail },
  }, async (request) => s.update(actorOf(request), request.params.ref, request.body));

  r.get('/api/launches/:ref/gate', {
    schema: { tags, summary: 'The gate evaluated now: each check pass / fail / not required, with evidence', params: Ref, response: { 200: GateReportSchema } },
  }, async (request) => s.gate(actorOf(request), request.params.ref));

  r.post('/api/launches/:ref/decision', {
    schema: {
      tags, params: Ref, body: DecisionSchema, response: detail,
      summary: 'The zone owner decides go or pause; go over a failing check waits for an admin\'s co-signature',
    },
  }, async (request) => s.decide(actorOf(request), request.params.ref, request.body));

  r.post('/api/launches/:ref/cosign', {
    schema: { tags, summary: 'An admin other than the owner co-signs an override: the launch goes, marked as an override', params: Ref, body: CosignSchema, response: detail },
  }, async (request) => s.cosign(actorOf(request), request.params.ref, request.body));
}
