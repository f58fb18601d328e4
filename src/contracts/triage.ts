/** Triage: the queue of findings waiting for a decision, and decisions on many findings at once. */
import { z } from 'zod';
import { IdSchema, TierSchema, TimestampSchema } from './common.ts';
import { FindingSummarySchema } from './findings.ts';
import { RemediationCreateSchema } from './remediations.ts';

export const TriageStateSchema = z.enum(['untriaged', 'remediate', 'duplicate', 'false_positive', 'accepted_risk']);
export const TriageDecisionSchema = z.enum(['remediate', 'duplicate', 'false_positive', 'accept_risk']);

export const TriageQueueItemSchema = FindingSummarySchema.extend({
  zoneTier: TierSchema,
  owner: z.object({ id: IdSchema, name: z.string() }),
  triage: TriageStateSchema.describe('untriaged, or the earlier decision of a finding that regressed since'),
  triagedAt: TimestampSchema.nullable(),
});

export const TriageQueueQuerySchema = z.object({
  zone: z.string().max(100).optional().describe('Zone key or id'),
  all: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('Every zone, not only those you own or deputize'),
  limit: z.coerce.number().int().min(1).max(10_000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const TriageQueueSchema = z.object({
  items: z.array(TriageQueueItemSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int(),
});

export const TriageDecideSchema = z.object({
  findingIds: z.array(IdSchema).min(1).max(50_000),
  decision: TriageDecisionSchema,
  rationale: z.string().trim().min(3, 'write down why (at least 3 characters)').max(5000),
  remediationId: z.string().max(40).optional().describe('Remediate into this existing item: uuid or REM-12'),
  remediation: RemediationCreateSchema.omit({ findingIds: true }).optional().describe('Or into a new item made from these findings'),
  duplicateOf: IdSchema.optional(),
  acceptance: z.object({
    justification: z.string().trim().min(3).max(5000),
    compensatingControls: z.string().max(5000).optional(),
    expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD').describe('In the future'),
  }).optional(),
});

export const TriageDecideResultSchema = z.object({
  decided: z.number().int(),
  remediationId: IdSchema.nullable(),
  riskAcceptanceId: IdSchema.nullable(),
});

export type TriageQueue = z.infer<typeof TriageQueueSchema>;
export type TriageQueueItem = z.infer<typeof TriageQueueItemSchema>;
export type TriageDecide = z.input<typeof TriageDecideSchema>;
export type TriageDecideResult = z.infer<typeof TriageDecideResultSchema>;
