/** Safety debt, escalations and the weekly re-scoping review. */
import { z } from 'zod';
import { IdSchema, TierSchema, TimestampSchema } from './common.ts';
import { SeveritySchema } from './findings.ts';
import { RemediationStatusSchema } from './planning.ts';

const ZoneSchema = z.object({ id: IdSchema, key: z.string(), name: z.string(), tier: TierSchema });
const OwnerSchema = z.object({ id: IdSchema, name: z.string(), email: z.string() });

export const DebtQuerySchema = z.object({
  zone: z.string().max(100).optional().describe('Zone key or id'),
  owner: z.string().max(200).optional().describe('Email or user id of the accountable owner'),
});

export const DebtItemSchema = z.object({
  id: IdSchema, number: z.number().int(), title: z.string(), status: RemediationStatusSchema, severity: SeveritySchema,
  priority: z.number(), effort: z.number(), dueAt: TimestampSchema, pausedAt: TimestampSchema.nullable(),
  zone: ZoneSchema, owner: OwnerSchema, assignee: z.object({ id: IdSchema, name: z.string() }).nullable(),
  sprintId: IdSchema.nullable(), escalatedAt: TimestampSchema.nullable(), escalationReason: z.string().nullable(),
  sprintsOverdue: z.number().int().describe('ceil(days overdue / sprint days)'),
  factor: z.number().describe('(1 + rate) ^ sprintsOverdue'),
  debt: z.number().describe('effort × factor'),
});

export const DebtReportSchema = z.object({
  asOf: TimestampSchema,
  rules: z.object({ sprintDays: z.number(), debtInterestRate: z.number(), escalateAfterSprints: z.number(), zoneDebtThreshold: z.number() }),
  total: z.number(),
  items: z.array(DebtItemSchema).describe('Largest debt first'),
  zones: z.array(z.object({ zone: ZoneSchema, debt: z.number(), items: z.number().int(), overThreshold: z.boolean() })),
  owners: z.array(z.object({ owner: OwnerSchema, debt: z.number(), items: z.number().int() })),
});

export const EscalationResultSchema = z.object({
  escalated: z.array(DebtItemSchema.extend({ reason: z.string() })),
  notified: z.number().int().describe('Queue items written for active admins'),
});

export const EscalationListSchema = z.object({
  items: z.array(DebtItemSchema.extend({
    deferrals: z.array(z.object({ rationale: z.string(), from: z.unknown(), to: z.unknown(), actor: z.string(), at: TimestampSchema })),
  })),
});

export const StaleReviewSchema = z.object({
  asOf: TimestampSchema,
  staleAfterDays: z.number().int(),
  items: z.array(z.object({
    id: IdSchema, number: z.number().int(), title: z.string(), status: RemediationStatusSchema, severity: SeveritySchema,
    priority: z.number(), zone: z.object({ id: IdSchema, key: z.string(), name: z.string() }),
    owner: z.object({ id: IdSchema, name: z.string() }), assignee: z.object({ id: IdSchema, name: z.string() }).nullable(),
    createdAt: TimestampSchema, lastActivityAt: TimestampSchema, findingCount: z.number().int(),
    reasons: z.array(z.object({
      code: z.enum(['no_activity', 'findings_not_reproduced', 'zone_owner_changed', 'finding_in_other_zone']), message: z.string(),
    })),
  })),
});

export type DebtQuery = z.infer<typeof DebtQuerySchema>;
export type DebtReport = z.infer<typeof DebtReportSchema>;
export type EscalationResult = z.infer<typeof EscalationResultSchema>;
export type EscalationList = z.infer<typeof EscalationListSchema>;
export type StaleReview = z.infer<typeof StaleReviewSchema>;
