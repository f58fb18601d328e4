/** The residual risk register: one line per endpoint, the services do the work. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ExpiryResultSchema, RevokeSchema, RiskCreateSchema, RiskDetailSchema, RiskListQuerySchema, RiskListSchema, RiskPatchSchema,
} from '../../contracts/risks.ts';
import type { Services } from '../../composition.ts';
import { riskRegisterCsv } from '../../services/risk-register-csv.ts';
import { actorOf } from '../authentication.ts';

const Ref = z.object({ ref: z.string().min(1).max(40).describe('uuid or RISK-12') });
const detail = { 200: RiskDetailSchema };

export function riskRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { risks: s, riskExpiry } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Risk register'];

  r.get('/api/risks', {
    schema: {
      tags, summary: 'The register with filters (zone, status, residual severity, expiring within N days); ?format=csv exports every match',
      querystring: RiskListQuerySchema, response: { 200: RiskListSchema },
    },
  }, async (request, reply) => {
    const { format, limit, offset, ...filter } = request.query;
    if (format === 'csv') {
      const rows = await s.listAll(actorOf(request), filter);
      return (reply as FastifyReply).type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="risk-register-${new Date().toISOString().slice(0, 10)}.csv"`)
        .serializer((x: unknown) => x as string).send(riskRegisterCsv(rows));
    }
    return { ...(await s.list(actorOf(request), { ...filter, limit, offset })), limit, offset };
  });

  r.post('/api/risks', {
    schema: { tags, summary: 'Record an acceptance in a zone (owner or admin), optionally with its findings', body: RiskCreateSchema, response: { 201: RiskDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await s.create(actorOf(request), request.body)));

  r.post('/api/risks/expire', {
    schema: { tags, summary: 'Lapse the acceptances whose expiry date has come (admins; the server also does it hourly)', response: { 200: ExpiryResultSchema } },
  }, async (request) => riskExpiry.expire(actorOf(request)));

  r.get('/api/risks/:ref', {
    schema: { tags, summary: 'One acceptance: signatures given and still needed, linked findings, permissions', params: Ref, response: detail },
  }, async (request) => s.get(actorOf(request), request.params.ref));

  r.patch('/api/risks/:ref', {
    schema: { tags, summary: 'Change a draft (signatures already given are dropped)', params: Ref, body: RiskPatchSchema, response: detail },
  }, async (request) => s.update(actorOf(request), request.params.ref, request.body));

  r.post('/api/risks/:ref/approve', {
    schema: { tags, summary: 'Sign: as the zone owner, or as an admin when the residual severity is critical', params: Ref, response: detail },
  }, async (request) => s.approve(actorOf(request), request.params.ref));

  r.post('/api/risks/:ref/revoke', {
    schema: { tags, summary: 'Revoke a live acceptance; its findings go back to triage', params: Ref, body: RevokeSchema, response: detail },
  }, async (request) => s.revoke(actorOf(request), request.params.ref, request.body.reason));
}
