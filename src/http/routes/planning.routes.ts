/** Planning: periods and sprints, the plan of a period, scheduling a remediation item into a sprint. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PeriodCreateSchema, PeriodDetailSchema, PeriodPlanSchema, PeriodSchema, ScheduleResultSchema, ScheduleSchema,
} from '../../contracts/planning.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

const PeriodParams = z.object({ id: z.string().min(1).max(100).describe('Period id or name') });
const ItemParams = z.object({ id: z.string().min(1).max(60).describe('Remediation id or REM-<number>') });

export function planningRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { planning } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Planning'];

  r.get('/api/planning/periods', {
    schema: { tags, summary: 'Planning periods, the latest first', response: { 200: z.object({ items: z.array(PeriodSchema) }) } },
  }, async (request) => ({ items: await planning.listPeriods(actorOf(request)) }));

  r.post('/api/planning/periods', {
    schema: {
      tags, summary: 'Create a planning period with its sprints (admins and leads)', body: PeriodCreateSchema,
      response: { 201: PeriodDetailSchema },
    },
  }, async (request, reply) => reply.code(201).send(await planning.createPeriod(actorOf(request), request.body)));

  r.get('/api/planning/periods/:id/plan', {
    schema: {
      tags, summary: 'The plan: per sprint the safety reserve, the effort scheduled, items in priority order, warnings',
      params: PeriodParams, response: { 200: PeriodPlanSchema },
    },
  }, async (request) => planning.getPlan(actorOf(request), request.params.id));

  r.put('/api/remediations/:id/sprint', {
    schema: {
      tags, summary: 'Schedule an item into a sprint (null: out of its sprint); moving it later is a deferral with a rationale',
      params: ItemParams, body: ScheduleSchema, response: { 200: ScheduleResultSchema },
    },
  }, async (request) => planning.schedule(actorOf(request), request.params.id, request.body));
}
