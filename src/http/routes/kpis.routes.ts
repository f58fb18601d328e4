/** Safety KPIs: one line per endpoint, the service does the work. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CsvImportResultSchema, KpiCreateSchema, KpiListQuerySchema, KpiListSchema, KpiPatchSchema, KpiSchema, KpiSeriesSchema,
  MeasurementsBodySchema, RecordResultSchema, SeriesQuerySchema, ZoneKpisQuerySchema, ZoneKpisSchema,
} from '../../contracts/kpis.ts';
import type { Services } from '../../composition.ts';
import { InputError } from '../../domain/errors.ts';
import { actorOf } from '../authentication.ts';

const Id = z.object({ id: z.string().min(1).max(100).describe('uuid or key') });
const RecordQuery = z.object({ source: z.enum(['api', 'cli']).optional().describe('cli when `keel kpi record` sends it') });
const ZoneRef = z.object({ ref: z.string().min(1).max(100).describe('zone key or id') });

export function kpiRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { kpis: s } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['KPIs'];

  r.get('/api/kpis', {
    schema: { tags, summary: 'KPIs with their status and rule (activity metrics only with includeActivity)', querystring: KpiListQuerySchema, response: { 200: KpiListSchema } },
  }, async (request) => s.list(actorOf(request), request.query));

  r.post('/api/kpis', {
    schema: { tags, summary: 'Define a KPI of a zone (zone owner or admin)', body: KpiCreateSchema, response: { 201: KpiSchema } },
  }, async (request, reply) => reply.code(201).send(await s.create(actorOf(request), request.body)));

  r.post('/api/kpis/measurements/csv', {
    schema: {
      tags, summary: 'Record measurements from a CSV file (kpi,measured_at,value), in one transaction',
      description: 'Send the file as the raw body (Content-Type text/csv). Any error names the line and column, and nothing is written. Idempotent per KPI and instant.',
      response: { 200: CsvImportResultSchema },
    },
  }, async (request) => {
    if (typeof request.body !== 'string') throw InputError.field('body', 'send the file as text/csv');
    return s.importCsv(actorOf(request), request.body);
  });

  r.get('/api/kpis/:id', {
    schema: { tags, summary: 'One KPI with its latest value and status', params: Id, response: { 200: KpiSchema } },
  }, async (request) => s.get(actorOf(request), request.params.id));

  r.patch('/api/kpis/:id', {
    schema: { tags, summary: 'Edit the definition or target, pair, archive or restore (zone owner or admin)', params: Id, body: KpiPatchSchema, response: { 200: KpiSchema } },
  }, async (request) => s.update(actorOf(request), request.params.id, request.body));

  r.post('/api/kpis/:id/measurements', {
    schema: {
      tags, summary: 'Record measurements (owner, deputy, contributors, admins); idempotent per instant',
      description: 'The same instant and value again changes nothing; another value at the same instant is a correction, with the old value kept in the audit trail.',
      params: Id, querystring: RecordQuery, body: MeasurementsBodySchema, response: { 200: RecordResultSchema },
    },
  }, async (request) => s.record(actorOf(request), request.params.id, request.body, request.query.source ?? 'api'));

  r.get('/api/kpis/:id/series', {
    schema: { tags, summary: 'Measurements in a range, with the paired metric\'s', params: Id, querystring: SeriesQuerySchema, response: { 200: KpiSeriesSchema } },
  }, async (request) => s.series(actorOf(request), request.params.id, request.query));

  r.get('/api/zones/:ref/kpis', {
    schema: { tags, summary: 'A zone\'s KPIs with status, rule and paired metric, and counts by status', params: ZoneRef, querystring: ZoneKpisQuerySchema, response: { 200: ZoneKpisSchema } },
  }, async (request) => s.forZone(actorOf(request), request.params.ref, request.query));
}
