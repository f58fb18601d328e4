/** Remediation metrics: an owner's scorecard, the organization's dashboard, trend series (ADR 7). */
import { z } from 'zod';
import { IdSchema, TierSchema, TimestampSchema } from './common.ts';

const count = z.number().int();
const ratio = z.number().nullable().describe('0–1, four decimals; null when nothing was counted');

export const MetricsFiguresSchema = z.object({
  timeToRemediate: z.object({ count, meanHours: z.number().nullable(), medianHours: z.number().nullable() })
    .describe('Items verified in the period: verified − detected (first seen of its findings), hours'),
  timeToDetect: z.object({ count, meanDays: z.number().nullable(), medianDays: z.number().nullable() })
    .describe('Findings first seen in the period with a known introduction date: first seen − introduced, days (rows of a dashboard carry the mean only)'),
  closedGapRate: z.object({ closed: count, opened: count, rate: ratio })
    .describe('Items verified or closed as obsolete in the period ÷ items created in the period'),
  slaCompliance: z.object({ fixed: count, onTime: count, rate: ratio })
    .describe('Items fixed in the period by their due date ÷ items fixed in the period'),
  open: z.object({
    total: count,
    bySeverity: z.object({ critical: count, high: count, medium: count, low: count, info: count }),
    byAge: z.object({ lt7d: count, d7to30: count, d30to90: count, gt90d: count }),
    awaitingVerification: count,
    overdue: count,
  }).describe('Open items now (planned, in progress, reopened); fixed items await verification'),
  safetyDebt: z.number().describe('Σ effort × (1 + rate)^sprints overdue over open items past due, now'),
  falsePositives: z.object({ triaged: count, falsePositive: count, rate: ratio })
    .describe('Findings triaged in the period, and of them false positives'),
  regressions: count.describe('Findings that runs imported in the period found regressed'),
});

export const FalsePositiveRateSchema = z.object({
  tool: z.string(), plugin: z.string().optional(), triaged: count, falsePositive: count, rate: ratio,
});

export const PeriodViewSchema = z.object({ from: TimestampSchema, to: TimestampSchema, label: z.string() });
const PersonSchema = z.object({ id: IdSchema, name: z.string(), email: z.string() });

export const ZoneMetricsRowSchema = z.object({
  zone: z.object({ id: IdSchema, key: z.string(), name: z.string(), tier: TierSchema, product: z.string(), archived: z.boolean() }),
  owner: PersonSchema,
  figures: MetricsFiguresSchema,
});

export const OwnerMetricsRowSchema = z.object({ owner: PersonSchema, zones: count, figures: MetricsFiguresSchema });

const fpLists = {
  falsePositivesByTool: z.array(FalsePositiveRateSchema),
  falsePositivesByPlugin: z.array(FalsePositiveRateSchema),
};

export const ScorecardSchema = z.object({
  owner: PersonSchema, period: PeriodViewSchema, asOf: TimestampSchema, figures: MetricsFiguresSchema, ...fpLists,
  zones: z.array(ZoneMetricsRowSchema).describe('The zones the person owns now'),
});

export const ScopeViewSchema = z.union([
  z.object({ kind: z.literal('org') }),
  z.object({ kind: z.literal('product'), product: z.string() }),
  z.object({ kind: z.literal('zone'), zone: z.string() }),
  z.object({ kind: z.literal('owner'), owner: PersonSchema }),
]);

export const DashboardSchema = z.object({
  scope: ScopeViewSchema, period: PeriodViewSchema, asOf: TimestampSchema,
  stale: z.boolean().describe('true when something changed since asOf: newer figures are being computed, and a later request gets them'),
  figures: MetricsFiguresSchema, ...fpLists,
  zones: z.array(ZoneMetricsRowSchema), owners: z.array(OwnerMetricsRowSchema),
});

export const SeriesSchema = z.object({
  scope: ScopeViewSchema, period: PeriodViewSchema, bucket: z.enum(['week', 'month']),
  points: z.array(MetricsFiguresSchema.pick({
    timeToRemediate: true, timeToDetect: true, closedGapRate: true, slaCompliance: true, falsePositives: true, regressions: true,
  }).extend({ from: TimestampSchema, to: TimestampSchema })),
});

const periodQuery = {
  period: z.string().max(30).optional().describe('90d (default), 12w, 6m, 2026-Q3, 2026-03 or 2026'),
  from: z.string().max(40).optional().describe('Start (YYYY-MM-DD or ISO time), instead of period'),
  to: z.string().max(40).optional().describe('End, exclusive (default: now)'),
  format: z.enum(['json', 'csv']).default('json').describe('csv: one row per zone'),
};

export const ScorecardQuerySchema = z.object({
  owner: z.string().max(320).optional().describe('Member id or e-mail; default: yourself'), ...periodQuery,
});
export const DashboardQuerySchema = z.object({
  product: z.string().max(100).optional().describe('Product key or id'),
  zone: z.string().max(100).optional().describe('Zone key or id'),
  ...periodQuery,
});
export const SeriesQuerySchema = z.object({
  owner: z.string().max(320).optional(), product: z.string().max(100).optional(), zone: z.string().max(100).optional(),
  bucket: z.enum(['week', 'month']).optional().describe('Default: week up to ~4 months, else month'),
  ...periodQuery,
});

export type MetricsFigures = z.infer<typeof MetricsFiguresSchema>;
export type Scorecard = z.infer<typeof ScorecardSchema>;
export type Dashboard = z.infer<typeof DashboardSchema>;
export type Series = z.infer<typeof SeriesSchema>;
export type ScorecardQuery = z.input<typeof ScorecardQuerySchema>;
export type DashboardQuery = z.input<typeof DashboardQuerySchema>;
