/** Reports: the ownership report (JSON or CSV). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OwnershipReportSchema, ReportFormatQuerySchema } from '../../contracts/reports.ts';
import type { Services } from '../../composition.ts';
import { ownershipReportCsv } from '../../services/ownership-report.ts';
import { actorOf } from '../authentication.ts';

export function reportRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/reports/ownership', {
    schema: {
      tags: ['Reports'], summary: 'Zones by tier with owners, leads by load, zones with an inactive owner, tier-1 zones without a deputy',
      querystring: ReportFormatQuerySchema, response: { 200: OwnershipReportSchema },
    },
  }, async (request, reply) => {
    const report = await opts.services.ownership.report(actorOf(request));
    if (request.query.format === 'csv') {
      // CSV bypasses the JSON response schema: its own serializer sends the text as it is.
      return (reply as FastifyReply)
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ownership-${report.generatedAt.slice(0, 10)}.csv"`)
        .serializer((s: unknown) => s as string)
        .send(ownershipReportCsv(report));
    }
    return report;
  });
}
