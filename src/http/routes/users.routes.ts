/** Members of the organization and their roles (admin). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema } from '../../contracts/common.ts';
import {
  MemberCreateSchema, MemberListQuerySchema, MemberPatchSchema, MemberSchema, SetPasswordRequestSchema,
} from '../../contracts/users.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

const Params = z.object({ id: IdSchema });

export function userRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { users } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Users'];

  r.get('/api/users', {
    schema: { tags, summary: 'Members of the organization', querystring: MemberListQuerySchema, response: { 200: z.object({ items: z.array(MemberSchema) }) } },
  }, async (request) => ({ items: await users.list(actorOf(request), request.query) }));

  r.post('/api/users', {
    schema: { tags, summary: 'Add a member (creating the account if new)', body: MemberCreateSchema, response: { 201: MemberSchema } },
  }, async (request, reply) => reply.code(201).send(await users.add(actorOf(request), request.body)));

  r.get('/api/users/:id', { schema: { tags, summary: 'One member', params: Params, response: { 200: MemberSchema } } },
    async (request) => users.get(actorOf(request), request.params.id));

  r.patch('/api/users/:id', {
    schema: {
      tags, summary: 'Change role, status or name (refused while the member holds zones that would be orphaned)',
      params: Params, body: MemberPatchSchema, response: { 200: MemberSchema },
    },
  }, async (request) => users.update(actorOf(request), request.params.id, request.body));

  r.delete('/api/users/:id', { schema: { tags, summary: 'Remove a member (refused while they hold zones)', params: Params } },
    async (request, reply) => {
      await users.remove(actorOf(request), request.params.id);
      return reply.code(204).send();
    });

  r.put('/api/users/:id/password', { schema: { tags, summary: "Set a member's password (admin)", params: Params, body: SetPasswordRequestSchema } },
    async (request, reply) => {
      await users.setPassword(actorOf(request), request.params.id, request.body.password);
      return reply.code(204).send();
    });
}
