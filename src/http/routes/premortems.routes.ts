/** Pre-mortems: record, add scenarios and mitigations, complete, turn mitigations into tracked work. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema } from '../../contracts/common.ts';
import {
  MitigationInputSchema, PremortemCreateSchema, PremortemDetailSchema, PremortemDoneSchema, PremortemListQuerySchema,
  PremortemListSchema, ScenarioInputSchema,
} from '../../contracts/premortems.ts';
import { FollowUpSchema } from '../../contracts/prds.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

const Params = z.object({ id: IdSchema });
const detail = { 200: PremortemDetailSchema };

export function premortemRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { premortems: s } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Pre-mortems'];

  r.get('/api/premortems', {
    schema: { tags, summary: 'Pre-mortems, most recent first', querystring: PremortemListQuerySchema, response: { 200: PremortemListSchema } },
  }, async (request) => ({ items: await s.list(actorOf(request), request.query) }));

  r.post('/api/premortems', {
    schema: { tags, summary: 'Record a pre-mortem, optionally with its scenarios', body: PremortemCreateSchema, response: { 201: PremortemDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await s.create(actorOf(request), request.body)));

  r.get('/api/premortems/:id', {
    schema: { tags, summary: 'One pre-mortem with its scenarios and mitigations', params: Params, response: detail },
  }, async (request) => s.get(actorOf(request), request.params.id));

  r.post('/api/premortems/:id/scenarios', {
    schema: { tags, summary: 'Add a failure scenario ("it failed because…") with causes and mitigations', params: Params, body: ScenarioInputSchema, response: detail },
  }, async (request) => s.addScenario(actorOf(request), request.params.id, request.body));

  r.post('/api/premortems/:id/scenarios/:scenarioId/mitigations', {
    schema: { tags, summary: 'Add a mitigation to a scenario', params: Params.extend({ scenarioId: IdSchema }), body: MitigationInputSchema, response: detail },
  }, async (request) => s.addMitigation(actorOf(request), request.params.id, request.params.scenarioId, request.body.text));

  r.post('/api/premortems/:id/mitigations/:mitigationId/follow-up', {
    schema: { tags, summary: 'Turn a mitigation into a finding or a remediation item', params: Params.extend({ mitigationId: IdSchema }), body: FollowUpSchema, response: detail },
  }, async (request) => s.followUpMitigation(actorOf(request), request.params.id, request.params.mitigationId, request.body));

  r.put('/api/premortems/:id/done', {
    schema: { tags, summary: 'Mark the pre-mortem complete, or reopen it', params: Params, body: PremortemDoneSchema, response: detail },
  }, async (request) => s.setDone(actorOf(request), request.params.id, request.body.done));
}
