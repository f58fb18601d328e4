/** The safety review board: one line per endpoint, the service does the work. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema } from '../../contracts/common.ts';
import {
  BoardActionCreateSchema, BoardActionDoneSchema, BoardActionListQuerySchema, BoardActionSchema, BoardDecisionCreateSchema,
  BoardNextSchema, BoardSessionCreateSchema, BoardSessionDetailSchema, BoardSessionPatchSchema, BoardSessionSchema,
} from '../../contracts/board.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

const Ref = z.object({ ref: z.string().min(1).max(40).describe('Session id, or its date (YYYY-MM-DD)') });
const detail = { 200: BoardSessionDetailSchema };

export function boardRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { board: s } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Review board'];

  r.get('/api/board/sessions', {
    schema: { tags, summary: 'Board sessions, latest first', response: { 200: z.object({ items: z.array(BoardSessionSchema) }) } },
  }, async (request) => ({ items: await s.list(actorOf(request)) }));

  r.get('/api/board/next', {
    schema: { tags, summary: 'The next session by the cadence, and the one planned', response: { 200: BoardNextSchema } },
  }, async (request) => s.next(actorOf(request)));

  r.post('/api/board/sessions', {
    schema: { tags, summary: 'Plan a session (default: the next date on the cadence)', body: BoardSessionCreateSchema, response: { 201: BoardSessionDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await s.schedule(actorOf(request), request.body)));

  r.get('/api/board/sessions/:ref', {
    schema: { tags, summary: 'A session: agenda by owner, decisions, action items', params: Ref, response: detail },
  }, async (request) => s.get(actorOf(request), request.params.ref));

  r.patch('/api/board/sessions/:ref', {
    schema: { tags, summary: 'Edit the date (while planned), attendees or summary', params: Ref, body: BoardSessionPatchSchema, response: detail },
  }, async (request) => s.update(actorOf(request), request.params.ref, request.body));

  r.post('/api/board/sessions/:ref/agenda', {
    schema: { tags, summary: 'Generate the agenda for the period since the previous session', params: Ref, response: detail },
  }, async (request) => s.generateAgenda(actorOf(request), request.params.ref));

  r.post('/api/board/sessions/:ref/held', {
    schema: { tags, summary: 'The session met: record its figures for the next agenda', params: Ref, response: detail },
  }, async (request) => s.hold(actorOf(request), request.params.ref));

  r.post('/api/board/sessions/:ref/close', {
    schema: { tags, summary: 'Close the session: the minutes are final', params: Ref, response: detail },
  }, async (request) => s.close(actorOf(request), request.params.ref));

  r.post('/api/board/sessions/:ref/decisions', {
    schema: { tags, summary: 'Record a decision, with its action items', params: Ref, body: BoardDecisionCreateSchema, response: { 201: BoardSessionDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await s.decide(actorOf(request), request.params.ref, request.body)));

  r.post('/api/board/sessions/:ref/actions', {
    schema: { tags, summary: 'Record an action item; it goes to its owner\'s queue', params: Ref, body: BoardActionCreateSchema, response: { 201: BoardSessionDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await s.addAction(actorOf(request), request.params.ref, request.body)));

  r.get('/api/board/sessions/:ref/minutes.md', {
    schema: { tags, summary: 'The minutes as Markdown (user text escaped)', params: Ref, produces: ['text/markdown'] },
  }, async (request, reply) => {
    const m = await s.minutes(actorOf(request), request.params.ref);
    return reply.type('text/markdown; charset=utf-8').header('content-disposition', `attachment; filename="${m.fileName}"`).send(m.markdown);
  });

  r.get('/api/board/actions', {
    schema: { tags, summary: 'Board action items across sessions', querystring: BoardActionListQuerySchema, response: { 200: z.object({ items: z.array(BoardActionSchema) }) } },
  }, async (request) => ({ items: await s.actions(actorOf(request), request.query) }));

  r.post('/api/board/actions/:id/done', {
    schema: { tags, summary: 'Mark an action item done (its owner or an admin)', params: z.object({ id: IdSchema }), body: BoardActionDoneSchema.nullish(), response: { 200: BoardActionSchema } },
  }, async (request) => s.completeAction(actorOf(request), request.params.id, request.body ?? {}));
}
