/** Safety debt, escalations and the weekly re-scoping review. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DebtQuerySchema, DebtReportSchema, EscalationListSchema, EscalationResultSchema, StaleReviewSchema } from '../../contracts/debt.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

export function debtRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { debt, staleness } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Safety debt'];

  r.get('/api/debt', {
    schema: {
      tags, summary: 'Safety debt of open items past their SLA, with totals per zone and per owner',
      querystring: DebtQuerySchema, response: { 200: DebtReportSchema },
    },
  }, async (request) => debt.debt(actorOf(request), request.query));

  r.get('/api/debt/escalations', {
    schema: { tags, summary: 'Escalated open items with their history of deferrals', response: { 200: EscalationListSchema } },
  }, async (request) => ({ items: await debt.escalations(actorOf(request)) }));

  r.post('/api/debt/escalate', {
    schema: { tags, summary: 'Apply the escalation rule now (admins and leads); returns what it escalated', response: { 200: EscalationResultSchema } },
  }, async (request) => debt.escalate(actorOf(request)));

  r.get('/api/remediations/stale', {
    schema: { tags, summary: 'The weekly "needs re-scoping" list, with the reasons per item', response: { 200: StaleReviewSchema } },
  }, async (request) => staleness.review(actorOf(request)));
}
