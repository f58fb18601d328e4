/** Metrics: an owner's scorecard, the organization's dashboard (JSON or CSV), trend series. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DashboardQuerySchema, DashboardSchema, ScorecardQuerySchema, ScorecardSchema, SeriesQuerySchema, SeriesSchema,
} from '../../contracts/metrics.ts';
import type { Services } from '../../composition.ts';
import { metricsCsv } from '../../services/metrics-csv.ts';
import { actorOf } from '../authentication.ts';

const periodOf = (q: { period?: string | undefined; from?: string | undefined; to?: string | undefined }) =>
  ({ period: q.period, from: q.from, to: q.to });

/** CSV bypasses the JSON response schema: its own serializer sends the text as it is. */
const sendCsv = (reply: FastifyReply, name: string, text: string) => reply
  .type('text/csv; charset=utf-8')
  .header('content-disposition', `attachment; filename="${name}.csv"`)
  .serializer((s: unknown) => s as string)
  .send(text);

export function metricsRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { metrics } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Metrics'];

  r.get('/api/metrics/scorecard', {
    schema: {
      tags, summary: "An owner's scorecard over the zones they own now (default: yours)", querystring: ScorecardQuerySchema,
      response: { 200: ScorecardSchema },
    },
  }, async (request, reply) => {
    const card = await metrics.scorecard(actorOf(request), { owner: request.query.owner, period: periodOf(request.query) });
    if (request.query.format === 'csv') return sendCsv(reply as FastifyReply, `scorecard-${card.asOf.slice(0, 10)}`, metricsCsv(card));
    return card;
  });

  r.get('/api/metrics/dashboard', {
    schema: {
      tags, summary: 'The organization (or a product or zone): figures with a row per zone and per owner', querystring: DashboardQuerySchema,
      response: { 200: DashboardSchema },
    },
  }, async (request, reply) => {
    const q = request.query;
    const dash = await metrics.dashboard(actorOf(request), { product: q.product, zone: q.zone, period: periodOf(q) });
    if (q.format === 'csv') return sendCsv(reply as FastifyReply, `metrics-${dash.asOf.slice(0, 10)}`, metricsCsv(dash));
    return dash;
  });

  r.get('/api/metrics/series', {
    schema: { tags, summary: 'Trend points per week or month over the period', querystring: SeriesQuerySchema, response: { 200: SeriesSchema } },
  }, async (request) => {
    const q = request.query;
    return metrics.series(actorOf(request), {
      scope: { owner: q.owner, product: q.product, zone: q.zone }, period: periodOf(q), bucket: q.bucket,
    });
  });
}
