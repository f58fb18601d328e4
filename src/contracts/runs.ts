import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';
import { OutcomeSchema, ZoneRefSchema } from './findings.ts';

export const ImportFormatSchema = z.enum(['auto', 'promptfoo', 'garak', 'sarif', 'generic', 'inspect']);

export const RunCountsSchema = z.object({
  findings: z.number().int(), new: z.number().int(), still_present: z.number().int(), not_reproduced: z.number().int(),
  regressed: z.number().int(), verified: z.number().int(), duplicates: z.number().int(),
});

export const RunSchema = z.object({
  id: IdSchema, zoneId: IdSchema.nullable(), zone: ZoneRefSchema.nullable().describe('Null when the run was routed by rules'), format: z.string(), tool: z.string(), toolVersion: z.string().nullable(),
  target: z.string().nullable(), fileName: z.string(), checksum: z.string(), sizeBytes: z.number().int(),
  startedAt: TimestampSchema.nullable(), introducedIn: z.string().nullable(), actor: z.string(), importedAt: TimestampSchema,
  counts: RunCountsSchema, reported: z.record(z.string(), z.number()),
});

export const RunImportQuerySchema = z.object({
  fileName: z.string().min(1).max(500).describe('The name of the uploaded file (shown on the run page)'),
  zone: z.string().max(100).optional().describe('Zone key or id; without one, the routing rules place each finding and unmatched ones wait in the unrouted queue'),
  format: ImportFormatSchema.default('auto'),
  introducedIn: z.string().max(200).optional().describe('Release or date in which the weaknesses were introduced, when known'),
});

export const RunImportResultSchema = z.object({
  run: RunSchema,
  unchanged: z.boolean().describe('True when this very file had already been imported into this scope: nothing changed'),
});

export const RunFindingSchema = z.object({
  id: IdSchema, title: z.string(), severity: z.string(), ruleId: z.string(), target: z.string().nullable(),
  location: z.string().nullable(), status: z.string(), zone: ZoneRefSchema.nullable(), outcome: OutcomeSchema,
});

export const RunFindingListSchema = z.object({ items: z.array(RunFindingSchema), total: z.number().int() });

export const RunListQuerySchema = z.object({
  zone: z.string().max(100).optional().describe('Zone key or id'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const RunDetailSchema = RunSchema.extend({ findings: z.array(RunFindingSchema) });

export type Run = z.infer<typeof RunSchema>;
export type RunImportResult = z.infer<typeof RunImportResultSchema>;
export type RunDetail = z.infer<typeof RunDetailSchema>;
export type RunFinding = z.infer<typeof RunFindingSchema>;
export type RunFindingList = z.infer<typeof RunFindingListSchema>;
