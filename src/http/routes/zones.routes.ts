/** Zones: list, read, create, edit, archive, handoffs, bulk import. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ArchiveRequestSchema, HandoffRequestSchema, HandoffSchema, ZoneCreateSchema, ZoneDetailSchema, ZoneImportQuerySchema,
  ZoneImportSummarySchema, ZoneListQuerySchema, ZoneListSchema, ZonePatchSchema,
} from '../../contracts/zones.ts';
import type { Services } from '../../composition.ts';
import { InputError } from '../../domain/errors.ts';
import { detectZoneFileFormat } from '../../services/zone-import.ts';
import { actorOf } from '../authentication.ts';

const ZoneParams = z.object({ ref: z.string().min(1).max(100).describe('Zone key or id') });

export function zoneRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { zones, zoneImport } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Zones'];

  r.get('/api/zones', {
    schema: { tags, summary: 'List zones with filters, sorted and paginated', querystring: ZoneListQuerySchema, response: { 200: ZoneListSchema } },
  }, async (request) => {
    const q = request.query;
    const page = await zones.list(actorOf(request), q);
    return { ...page, limit: q.limit, offset: q.offset };
  });

  r.post('/api/zones', {
    schema: { tags, summary: 'Create a zone (its owner defaults to the caller)', body: ZoneCreateSchema, response: { 201: ZoneDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await zones.create(actorOf(request), request.body)));

  r.get('/api/zones/:ref', {
    schema: { tags, summary: 'One zone, with what the caller may do with it', params: ZoneParams, response: { 200: ZoneDetailSchema } },
  }, async (request) => zones.get(actorOf(request), request.params.ref));

  r.patch('/api/zones/:ref', {
    schema: { tags, summary: 'Edit a zone (its owner, or an admin)', params: ZoneParams, body: ZonePatchSchema, response: { 200: ZoneDetailSchema } },
  }, async (request) => zones.update(actorOf(request), request.params.ref, request.body));

  r.put('/api/zones/:ref/archived', {
    schema: { tags, summary: 'Archive or restore a zone (admin)', params: ZoneParams, body: ArchiveRequestSchema, response: { 200: ZoneDetailSchema } },
  }, async (request) => zones.setArchived(actorOf(request), request.params.ref, request.body.archived));

  r.get('/api/zones/:ref/handoffs', {
    schema: { tags, summary: 'Ownership history of a zone, newest first', params: ZoneParams, response: { 200: z.object({ items: z.array(HandoffSchema) }) } },
  }, async (request) => ({ items: await zones.handoffs(actorOf(request), request.params.ref) }));

  r.post('/api/zones/:ref/handoffs', {
    schema: {
      tags, summary: 'Hand the zone off to another lead, with a reason', params: ZoneParams, body: HandoffRequestSchema,
      response: { 200: ZoneDetailSchema },
    },
  }, async (request) => zones.handoff(actorOf(request), request.params.ref, request.body));

  r.post('/api/zones/import', {
    schema: {
      tags, summary: 'Create or update products, zones and owners from a CSV or YAML file, in one transaction',
      description: 'Send the file as the raw body (Content-Type text/csv or application/yaml). Any error names the line and column, and nothing is written.',
      querystring: ZoneImportQuerySchema, response: { 200: ZoneImportSummarySchema },
    },
  }, async (request) => {
    if (typeof request.body !== 'string') {
      throw InputError.field('body', 'send the file as text/csv or application/yaml');
    }
    const format = request.query.format ?? detectZoneFileFormat(undefined, request.headers['content-type']);
    return zoneImport.importZones(actorOf(request), request.body, format, { dryRun: request.query.dryRun });
  });
}
