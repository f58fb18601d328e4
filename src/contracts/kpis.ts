/** Safety KPIs: definitions with targets, measurements (JSON or CSV), status with its rule, series. */
import { z } from 'zod';
import { IdSchema, KeySchema, TimestampSchema } from './common.ts';

export const KpiDirectionSchema = z.enum(['lower', 'higher']).describe('Which way is better');
export const KpiKindSchema = z.enum(['outcome', 'leading', 'lagging']);
export const KpiMeasuresSchema = z.enum(['outcome', 'activity']).describe('activity: counts activity (meetings held, tests run); kept out of scorecards by default');
export const KpiCategorySchema = z.enum(['safety', 'business']);
export const KpiTargetKindSchema = z.enum(['absolute', 'relative']);
export const KpiPeriodSchema = z.enum(['month', 'quarter', 'year']);
export const KpiCadenceSchema = z.enum(['daily', 'weekly', 'monthly', 'quarterly']);
export const KpiStatusSchema = z.enum(['on_track', 'at_risk', 'off_track', 'no_data']);

const Instant = z.string().trim().min(10).max(40).regex(/^\d{4}-\d{2}-\d{2}/, 'a date (YYYY-MM-DD) or an ISO 8601 date-time');
const Value = z.number().refine(Number.isFinite, 'must be a finite number');
const Ref = z.string().min(1).max(100);

export const KpiCreateSchema = z.object({
  zone: Ref.describe('Zone key or id'),
  key: KeySchema.optional().describe('Default: from the name'),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
  unit: z.string().max(40).optional(),
  direction: KpiDirectionSchema,
  kind: KpiKindSchema,
  measures: KpiMeasuresSchema.optional(),
  category: KpiCategorySchema.optional(),
  pairedKpi: Ref.optional().describe('Key or id of a KPI of the same zone (dual metrics)'),
  baseline: Value.optional(),
  targetKind: KpiTargetKindSchema.optional(),
  targetValue: Value.optional().describe('The absolute value, or the relative change: -0.15 = −15 %'),
  targetPeriod: KpiPeriodSchema.optional().describe('Required for relative targets: the period compared with the one before'),
  cadence: KpiCadenceSchema,
});

export const KpiPatchSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(5000).optional(),
  unit: z.string().max(40).optional(),
  direction: KpiDirectionSchema.optional(),
  kind: KpiKindSchema.optional(),
  measures: KpiMeasuresSchema.optional(),
  category: KpiCategorySchema.optional(),
  pairedKpi: Ref.nullable().optional(),
  baseline: Value.nullable().optional(),
  targetKind: KpiTargetKindSchema.nullable().optional(),
  targetValue: Value.nullable().optional(),
  targetPeriod: KpiPeriodSchema.nullable().optional(),
  cadence: KpiCadenceSchema.optional(),
  archived: z.boolean().optional().describe('true archives the KPI, false restores it'),
});

export const MeasurementInputSchema = z.object({ measuredAt: Instant, value: Value });
export const MeasurementsBodySchema = z.array(MeasurementInputSchema).min(1).max(10_000);

const flag = z.enum(['true', 'false']).optional().transform((v) => v === 'true');
export const KpiListQuerySchema = z.object({
  zone: Ref.optional(),
  includeActivity: flag.describe('Include activity metrics (excluded by default)'),
  includeArchived: flag,
});
export const ZoneKpisQuerySchema = z.object({ includeActivity: flag.describe('Include activity metrics (excluded by default)') });
export const SeriesQuerySchema = z.object({
  from: Instant.optional().describe('Default: a year before `to`'),
  to: Instant.optional().describe('Default: now; a date means the whole day'),
});

export const KpiStatusResultSchema = z.object({
  status: KpiStatusSchema,
  rule: z.string().describe('The rule applied, with the numbers, in words'),
  period: z.object({ kind: KpiPeriodSchema, start: TimestampSchema, end: TimestampSchema }).nullable(),
  current: z.number().nullable().describe('Mean of this period\'s measurements so far'),
  comparison: z.number().nullable().describe('What a relative target compares with: last period\'s mean, or the baseline'),
  goal: z.number().nullable().describe('The value the target asks for by the end of the period'),
  projected: z.number().nullable().describe('The least-squares trend of this period, read at its end'),
  points: z.number().int(),
});

const KpiBriefSchema = z.object({ id: IdSchema, key: z.string(), name: z.string(), category: KpiCategorySchema, unit: z.string() });

export const KpiSchema = z.object({
  id: IdSchema,
  key: z.string(),
  name: z.string(),
  description: z.string(),
  unit: z.string(),
  zone: z.object({ id: IdSchema, key: z.string(), name: z.string() }),
  direction: KpiDirectionSchema,
  kind: KpiKindSchema,
  measures: KpiMeasuresSchema,
  category: KpiCategorySchema,
  pairedKpiId: IdSchema.nullable(),
  paired: KpiBriefSchema.nullable().describe('The KPI it names as its pair, or else one that names it'),
  baseline: z.number().nullable(),
  targetKind: KpiTargetKindSchema.nullable(),
  targetValue: z.number().nullable(),
  targetPeriod: KpiPeriodSchema.nullable(),
  cadence: KpiCadenceSchema,
  createdBy: z.string(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  archivedAt: TimestampSchema.nullable(),
  latest: z.object({ at: TimestampSchema, value: z.number() }).nullable(),
  status: KpiStatusResultSchema,
  permissions: z.object({ edit: z.boolean(), record: z.boolean() }),
});

export const KpiStatusCountsSchema = z.object({ on_track: z.number().int(), at_risk: z.number().int(), off_track: z.number().int(), no_data: z.number().int() });
export const KpiListSchema = z.object({ items: z.array(KpiSchema), summary: KpiStatusCountsSchema });
export const ZoneKpisSchema = z.object({
  zone: z.object({ id: IdSchema, key: z.string(), name: z.string() }),
  items: z.array(KpiSchema),
  summary: KpiStatusCountsSchema,
  includeActivity: z.boolean(),
});

export const MeasurementSchema = z.object({
  kpiId: IdSchema, measuredAt: TimestampSchema, value: z.number(), source: z.enum(['api', 'csv', 'cli']), recordedBy: z.string(), recordedAt: TimestampSchema,
});
export const KpiSeriesSchema = z.object({
  kpi: KpiSchema,
  from: TimestampSchema,
  to: TimestampSchema,
  points: z.array(MeasurementSchema),
  paired: z.object({ kpi: KpiSchema, points: z.array(MeasurementSchema) }).nullable(),
});

export const RecordResultSchema = z.object({
  kpi: z.object({ id: IdSchema, key: z.string(), name: z.string() }),
  created: z.number().int(),
  updated: z.number().int().describe('Corrections: same instant, another value (the old value is kept in the audit trail)'),
  unchanged: z.number().int().describe('Same instant and value as already recorded: nothing changed'),
  items: z.array(z.object({
    measuredAt: TimestampSchema, value: z.number(), outcome: z.enum(['created', 'updated', 'unchanged']), previous: z.number().nullable(),
  })),
  message: z.string(),
});
export const CsvImportResultSchema = z.object({
  rows: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(),
  kpis: z.array(RecordResultSchema), message: z.string(),
});

export type Kpi = z.infer<typeof KpiSchema>;
export type KpiCreate = z.input<typeof KpiCreateSchema>;
export type KpiPatch = z.input<typeof KpiPatchSchema>;
export type KpiList = z.infer<typeof KpiListSchema>;
export type ZoneKpis = z.infer<typeof ZoneKpisSchema>;
export type KpiSeries = z.infer<typeof KpiSeriesSchema>;
export type KpiStatus = z.infer<typeof KpiStatusSchema>;
export type KpiStatusCounts = z.infer<typeof KpiStatusCountsSchema>;
export type MeasurementInput = z.infer<typeof MeasurementInputSchema>;
export type RecordResult = z.infer<typeof RecordResultSchema>;
export type CsvImportResult = z.infer<typeof CsvImportResultSchema>;
