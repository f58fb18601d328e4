/** PRD reviews and their Safety Implications: one line per endpoint, the service does the work. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema } from '../../contracts/common.ts';
import {
  FailureModeInputSchema, FollowUpSchema, PrdCreateSchema, PrdDetailSchema, PrdListQuerySchema, PrdListSchema, PrdPatchSchema, ReopenSchema,
} from '../../contracts/prds.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

const Params = z.object({ id: IdSchema });
const ModeParams = Params.extend({ modeId: IdSchema });
const detail = { 200: PrdDetailSchema };

export function prdRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { prds: s } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['PRD reviews'];

  r.get('/api/prds', {
    schema: { tags, summary: 'PRDs, most recently changed first', querystring: PrdListQuerySchema, response: { 200: PrdListSchema } },
  }, async (request) => ({ items: await s.list(actorOf(request), request.query) }));

  r.post('/api/prds', {
    schema: { tags, summary: 'Create a PRD review, optionally with its failure modes', body: PrdCreateSchema, response: { 201: PrdDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await s.create(actorOf(request), request.body)));

  r.get('/api/prds/:id', {
    schema: { tags, summary: 'One PRD: failure modes, what blocks approval, permissions', params: Params, response: detail },
  }, async (request) => s.get(actorOf(request), request.params.id));

  r.patch('/api/prds/:id', {
    schema: { tags, summary: 'Edit the title, link or author', params: Params, body: PrdPatchSchema, response: detail },
  }, async (request) => s.update(actorOf(request), request.params.id, request.body));

  r.post('/api/prds/:id/failure-modes', {
    schema: { tags, summary: 'Add a failure mode to the Safety Implications', params: Params, body: FailureModeInputSchema, response: detail },
  }, async (request) => s.addFailureMode(actorOf(request), request.params.id, request.body));

  r.put('/api/prds/:id/failure-modes/:modeId', {
    schema: { tags, summary: 'Replace a failure mode', params: ModeParams, body: FailureModeInputSchema, response: detail },
  }, async (request) => s.updateFailureMode(actorOf(request), request.params.id, request.params.modeId, request.body));

  r.delete('/api/prds/:id/failure-modes/:modeId', {
    schema: { tags, summary: 'Remove a failure mode', params: ModeParams, response: detail },
  }, async (request) => s.removeFailureMode(actorOf(request), request.params.id, request.params.modeId));

  r.post('/api/prds/:id/failure-modes/:modeId/follow-up', {
    schema: { tags, summary: 'Turn a failure mode into a finding or a remediation item', params: ModeParams, body: FollowUpSchema, response: detail },
  }, async (request) => s.followUpFailureMode(actorOf(request), request.params.id, request.params.modeId, request.body));

  r.post('/api/prds/:id/submit', {
    schema: { tags, summary: 'Submit the draft for review', params: Params, response: detail },
  }, async (request) => s.submit(actorOf(request), request.params.id));

  r.post('/api/prds/:id/approve', {
    schema: {
      tags, params: Params, response: detail,
      summary: 'Approve (zone owner or admin); refused with 409 naming each failure mode while the section is empty or a high/critical one has no mitigation',
    },
  }, async (request) => s.approve(actorOf(request), request.params.id));

  r.post('/api/prds/:id/reopen', {
    schema: { tags, summary: 'Send the PRD back to draft, with a reason', params: Params, body: ReopenSchema, response: detail },
  }, async (request) => s.reopen(actorOf(request), request.params.id, request.body.reason));
}
