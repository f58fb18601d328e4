/** Red-team exercises: list, record, read, edit. Their findings: GET /api/findings?exercise=… */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema } from '../../contracts/common.ts';
import { ExerciseCreateSchema, ExercisePatchSchema, ExerciseSchema } from '../../contracts/exercises.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

const Params = z.object({ id: IdSchema });

export function exerciseRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { exercises } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Exercises'];

  r.get('/api/exercises', {
    schema: { tags, summary: 'Red-team exercises, newest first', response: { 200: z.object({ items: z.array(ExerciseSchema) }) } },
  }, async (request) => ({ items: await exercises.list(actorOf(request)) }));

  r.post('/api/exercises', {
    schema: { tags, summary: 'Record a red-team exercise', body: ExerciseCreateSchema, response: { 201: ExerciseSchema } },
  }, async (request, reply) => reply.code(201).send(await exercises.create(actorOf(request), request.body)));

  r.get('/api/exercises/:id', {
    schema: { tags, summary: 'One exercise with the counts of its findings', params: Params, response: { 200: ExerciseSchema } },
  }, async (request) => exercises.get(actorOf(request), request.params.id));

  r.patch('/api/exercises/:id', {
    schema: { tags, summary: 'Edit an exercise', params: Params, body: ExercisePatchSchema, response: { 200: ExerciseSchema } },
  }, async (request) => exercises.update(actorOf(request), request.params.id, request.body));
}
