/** The organization's policy: read it, change it (admins). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PolicyPatchSchema, PolicySchema } from '../../contracts/policy.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

export function policyRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { policy } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Policy'];

  r.get('/api/policy', {
    schema: { tags, summary: 'The triage formula, SLA table, safety share and debt rules in force', response: { 200: PolicySchema } },
  }, async (request) => policy.get(actorOf(request)));

  r.patch('/api/policy', {
    schema: { tags, summary: 'Change the policy (admin); the SLA table cell by cell', body: PolicyPatchSchema, response: { 200: PolicySchema } },
  }, async (request) => policy.update(actorOf(request), request.body));
}
