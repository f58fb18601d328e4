/** Planning: periods split into sprints with capacity and a safety share, the plan of a period, scheduling items. */
import { z } from 'zod';
import { IdSchema, TierSchema, TimestampSchema } from './common.ts';
import { SeveritySchema } from './findings.ts';

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a real date');

export const RemediationStatusSchema = z.enum(['planned', 'in_progress', 'fixed', 'verified', 'obsolete', 'reopened']);

export const SprintInputSchema = z.object({
  name: z.string().trim().min(1).max(100).optional().describe('Default: "Sprint n"'),
  startsOn: DateSchema.optional().describe('Default: the period split evenly'),
  endsOn: DateSchema.optional(),
  capacity: z.number().min(0).max(1_000_000).describe('Team capacity in effort points'),
});

export const PeriodCreateSchema = z.object({
  name: z.string().trim().min(1).max(100).describe('e.g. "2026 Q1"'),
  startsOn: DateSchema,
  endsOn: DateSchema.describe('The last day of the period (inclusive)'),
  safetyShare: z.number().min(0).max(1).optional().describe("Share of capacity reserved for safety work; default: the organization's"),
  sprints: z.union([
    z.array(SprintInputSchema).min(1).max(52),
    z.object({ count: z.number().int().min(1).max(52), capacity: z.number().min(0).max(1_000_000) }),
  ]).describe('Explicit sprints, or a count of equal sprints with one capacity each'),
});

export const SprintSchema = z.object({
  id: IdSchema, periodId: IdSchema, position: z.number().int(), name: z.string(), startsOn: z.string(), endsOn: z.string(),
  capacity: z.number(),
});

export const PeriodSchema = z.object({
  id: IdSchema, name: z.string(), startsOn: z.string(), endsOn: z.string(), safetyShare: z.number(), createdBy: z.string(),
  createdAt: TimestampSchema, sprintCount: z.number().int(), capacity: z.number().describe('Sum of the sprints\' capacity'),
});

export const PeriodDetailSchema = PeriodSchema.extend({ sprints: z.array(SprintSchema) });

export const PlanWarningSchema = z.object({
  code: z.enum(['share_out_of_range', 'safety_squeezed', 'over_reserve']),
  message: z.string(),
});

export const PlannedItemSchema = z.object({
  id: IdSchema, number: z.number().int(), title: z.string(), status: RemediationStatusSchema, severity: SeveritySchema,
  priority: z.number(), effort: z.number(), dueAt: TimestampSchema, pausedAt: TimestampSchema.nullable(),
  escalatedAt: TimestampSchema.nullable(),
  zone: z.object({ id: IdSchema, key: z.string(), name: z.string(), tier: TierSchema, ownerId: IdSchema }),
  sprintId: IdSchema.nullable(),
});

export const SprintPlanSchema = SprintSchema.extend({
  reserve: z.number().describe('capacity × the period\'s safety share'),
  used: z.number().describe('Effort of the safety items scheduled'),
  free: z.number().describe('Reserve not yet used'),
  items: z.array(PlannedItemSchema.extend({
    withinReserve: z.boolean().describe('False when higher-priority items fill the reserve before it'),
    overdue: z.boolean(), escalated: z.boolean(),
  })).describe('Priority order'),
  warnings: z.array(PlanWarningSchema),
});

export const PeriodPlanSchema = z.object({
  period: PeriodSchema,
  safetyShareRange: z.object({ min: z.number(), max: z.number() }),
  warnings: z.array(PlanWarningSchema),
  sprints: z.array(SprintPlanSchema),
  unscheduled: z.object({ total: z.number().int(), items: z.array(PlannedItemSchema) })
    .describe('Open items no sprint holds, highest priority first (up to 20)'),
});

export const ScheduleSchema = z.object({
  sprintId: IdSchema.nullable().describe('The sprint, or null to take the item out of its sprint'),
  rationale: z.string().max(5000).optional().describe('Required when the move defers the item (to a later sprint or out of one)'),
});

export const ScheduleResultSchema = z.object({
  item: z.object({ id: IdSchema, number: z.number().int(), title: z.string(), sprintId: IdSchema.nullable() }),
  decision: z.enum(['scheduled', 'deferred', 'unchanged']),
  sprint: z.object({ id: IdSchema, name: z.string(), reserve: z.number(), used: z.number() }).nullable(),
  displaced: z.array(z.object({ id: IdSchema, number: z.number().int(), title: z.string(), priority: z.number(), effort: z.number() }))
    .describe('Items that fit in the sprint\'s safety reserve before and no longer do'),
});

export type PeriodCreate = z.input<typeof PeriodCreateSchema>;
export type Period = z.infer<typeof PeriodSchema>;
export type PeriodDetail = z.infer<typeof PeriodDetailSchema>;
export type PeriodPlan = z.infer<typeof PeriodPlanSchema>;
export type Schedule = z.infer<typeof ScheduleSchema>;
export type ScheduleResult = z.infer<typeof ScheduleResultSchema>;
