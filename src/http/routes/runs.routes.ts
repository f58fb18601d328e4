/** Runs: upload a tool's output (streamed body), list runs, read one with its findings' outcomes. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema } from '../../contracts/common.ts';
import { RunFindingListQuerySchema } from '../../contracts/findings.ts';
import {
  RunDetailSchema, RunFindingListSchema, RunImportQuerySchema, RunImportResultSchema, RunListQuerySchema, RunSchema,
} from '../../contracts/runs.ts';
import type { Services } from '../../composition.ts';
import { InputError } from '../../domain/errors.ts';
import { actorOf } from '../authentication.ts';

/** Uploads above this are refused while streaming, before they fill the disk or the database. */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

async function* capped(source: AsyncIterable<Uint8Array>, max: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.byteLength;
    if (total > max) throw InputError.field('body', `the file is larger than ${max} bytes`);
    yield chunk;
  }
}

export async function runRoutes(app: FastifyInstance, opts: { services: Services }): Promise<void> {
  const { runs } = opts.services;
  const tags = ['Runs'];
  // The upload route streams its body straight into the importer: no parser may buffer it.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/runs', {
      schema: {
        tags, summary: 'Import a red-team or scanner results file as a run (send the file as the raw request body)',
        description: 'Formats: promptfoo results JSON, garak report.jsonl/hitlog.jsonl, SARIF 2.1.0, generic findings JSON/CSV, Inspect AI JSON logs. ' +
          'The import is one transaction: an error names the line or record and nothing is kept.',
        querystring: RunImportQuerySchema, response: { 200: RunImportResultSchema },
      },
    }, async (request) => {
      if (!request.body) throw InputError.field('body', 'send the file as the request body');
      return runs.importRun(actorOf(request), {
        ...request.query, source: capped(request.body as AsyncIterable<Uint8Array>, MAX_UPLOAD_BYTES),
      });
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/runs', {
    schema: {
      tags, summary: 'Runs, newest first', response: { 200: z.object({ items: z.array(RunSchema) }) },
      querystring: RunListQuerySchema,
    },
  }, async (request) => ({ items: await runs.list(actorOf(request), request.query) }));

  r.get('/api/runs/:id', {
    schema: { tags, summary: 'A run with the outcome of each of its findings', params: z.object({ id: IdSchema }), response: { 200: RunDetailSchema } },
  }, async (request) => runs.get(actorOf(request), request.params.id));

  r.get('/api/runs/:id/findings', {
    schema: {
      tags, summary: "One page of a run's findings, all or of one outcome (new, still present, not reproduced, regressed, verified)",
      params: z.object({ id: IdSchema }), querystring: RunFindingListQuerySchema, response: { 200: RunFindingListSchema },
    },
  }, async (request) => runs.findings(actorOf(request), request.params.id, request.query));
}
