/** Remediation items: create, list, read, edit, re-prioritize, the status flow, SLA pauses, criteria, milestones. */
import { z } from 'zod';
import { IdSchema, TierSchema, TimestampSchema } from './common.ts';
import { FindingStatusSchema, SeveritySchema } from './findings.ts';

export const RemediationStatusSchema = z.enum(['planned', 'in_progress', 'fixed', 'verified', 'obsolete', 'reopened']);
export const MilestoneStageSchema = z.enum(['prototype', 'pilot', 'full_rollout']);
export const MilestoneStatusSchema = z.enum(['pending', 'in_progress', 'done', 'missed']);
export const SystemElementKindSchema = z.enum(['service', 'data_flow', 'model', 'other']);
const Rubric = z.number().int().min(1).max(5);
const Rationale = z.string().trim().min(3, 'write down why (at least 3 characters)').max(5000);
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const Url = z.url().max(2000);

const PersonBriefSchema = z.object({ id: IdSchema, name: z.string(), email: z.string() });

export const CriterionInputSchema = z.object({
  text: z.string().trim().min(1).max(1000),
  metric: z.string().max(500).optional(),
  threshold: z.string().max(500).optional(),
});

export const RemediationCreateSchema = z.object({
  zone: z.string().min(1).max(100).describe('Zone key or id'),
  title: z.string().trim().min(1).max(300),
  description: z.string().max(20_000).optional(),
  severity: SeveritySchema.optional().describe('Default: the highest severity of the linked findings'),
  impact: Rubric,
  feasibility: Rubric.describe('5 = easy to fix'),
  customerValue: Rubric,
  rationale: Rationale.describe('Why this priority: kept in the item\'s history'),
  effort: z.number().positive().max(10_000).optional().describe('Effort in points; default 1'),
  findingIds: z.array(IdSchema).max(50_000).optional(),
  assigneeId: IdSchema.optional(),
  validatorId: IdSchema.optional(),
  monitorId: IdSchema.optional(),
  retirerId: IdSchema.optional(),
  prdUrl: Url.optional(),
  adrUrl: Url.optional(),
  systemElement: z.string().max(300).optional(),
  systemElementKind: SystemElementKindSchema.optional(),
  criteria: z.array(CriterionInputSchema).max(50).optional(),
  milestones: z.array(z.object({ stage: MilestoneStageSchema, successMetric: z.string().max(1000).optional(), targetDate: DateOnly.optional() })).max(3).optional(),
});

export const RemediationPatchSchema = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(20_000).optional(),
  effort: z.number().positive().max(10_000).optional(),
  assigneeId: IdSchema.nullable().optional(),
  validatorId: IdSchema.nullable().optional(),
  monitorId: IdSchema.nullable().optional(),
  retirerId: IdSchema.nullable().optional(),
  prdUrl: Url.nullable().optional(),
  adrUrl: Url.nullable().optional(),
  systemElement: z.string().max(300).nullable().optional(),
  systemElementKind: SystemElementKindSchema.nullable().optional(),
});

export const ReprioritizeSchema = z.object({
  severity: SeveritySchema.optional(), impact: Rubric.optional(), feasibility: Rubric.optional(), customerValue: Rubric.optional(),
  rationale: Rationale,
});

export const MoveSchema = z.object({
  to: RemediationStatusSchema,
  reason: z.string().max(5000).optional().describe('Required to close as obsolete, to reopen, or to send a fix back'),
});

export const RationaleSchema = z.object({ rationale: Rationale });
export const CheckCriterionSchema = z.object({ evidence: z.string().trim().min(3, 'say what shows it is met').max(5000) });
export const MilestonePatchSchema = z.object({
  successMetric: z.string().max(1000).optional(), targetDate: DateOnly.nullable().optional(), status: MilestoneStatusSchema.optional(),
});
export const LinkFindingsSchema = z.object({ findingIds: z.array(IdSchema).min(1).max(50_000), rationale: Rationale });

export const SlaSchema = z.object({
  dueAt: TimestampSchema,
  paused: z.boolean(),
  timeLeftHours: z.number().describe('Negative when past due; frozen while paused or fixed'),
  overdue: z.boolean(),
});

export const RemediationSummarySchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  key: z.string().describe('REM-<number>'),
  zone: z.object({ id: IdSchema, key: z.string(), name: z.string(), tier: TierSchema, ownerId: IdSchema, ownerName: z.string(), deputyId: IdSchema.nullable() }),
  title: z.string(),
  description: z.string(),
  status: RemediationStatusSchema,
  severity: SeveritySchema,
  impact: z.number().int(),
  feasibility: z.number().int(),
  customerValue: z.number().int(),
  priority: z.number().describe('0–100, from the organization\'s triage formula'),
  rationale: z.string(),
  effort: z.number(),
  assignee: PersonBriefSchema.nullable(),
  validator: PersonBriefSchema.nullable(),
  monitor: PersonBriefSchema.nullable(),
  retirer: PersonBriefSchema.nullable(),
  prdUrl: z.string().nullable(),
  adrUrl: z.string().nullable(),
  systemElement: z.string().nullable(),
  systemElementKind: SystemElementKindSchema.nullable(),
  obsoleteReason: z.string().nullable(),
  slaDays: z.number().int(),
  dueAt: TimestampSchema,
  pausedAt: TimestampSchema.nullable(),
  detectedAt: TimestampSchema,
  createdBy: z.string(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  lastActivityAt: TimestampSchema,
  startedAt: TimestampSchema.nullable(),
  fixedAt: TimestampSchema.nullable(),
  verifiedAt: TimestampSchema.nullable(),
  closedAt: TimestampSchema.nullable(),
  escalatedAt: TimestampSchema.nullable(),
  escalationReason: z.string().nullable(),
  findingCount: z.number().int(),
  sla: SlaSchema,
});

export const RemediationDetailSchema = RemediationSummarySchema.extend({
  findings: z.array(z.object({
    id: IdSchema, title: z.string(), severity: SeveritySchema, status: FindingStatusSchema, source: z.string(), regressed: z.boolean(),
    zoneId: IdSchema.nullable(), firstSeenAt: TimestampSchema,
  })),
  criteria: z.array(z.object({
    id: IdSchema, position: z.number().int(), text: z.string(), metric: z.string().nullable(), threshold: z.string().nullable(),
    metAt: TimestampSchema.nullable(), metBy: z.string().nullable(), evidence: z.string().nullable(),
  })),
  milestones: z.array(z.object({
    stage: MilestoneStageSchema, successMetric: z.string(), targetDate: z.string().nullable(), status: MilestoneStatusSchema, doneAt: TimestampSchema.nullable(),
  })),
  stage: z.union([MilestoneStageSchema, z.literal('done')]).nullable().describe('The first milestone not done; done when all are'),
  decisions: z.array(z.object({
    id: IdSchema, kind: z.string(), rationale: z.string(), before: z.unknown(), after: z.unknown(), actor: z.string(),
    actorName: z.string().nullable(), at: TimestampSchema,
  })).describe('Every decision on priority, status and the SLA clock, oldest first'),
  permissions: z.object({ canEdit: z.boolean(), canValidate: z.boolean(), canMoveTo: z.array(RemediationStatusSchema) }),
});

const csv = <T extends string>(inner: z.ZodType<T, string>) => z.string().optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined))
  .pipe(z.array(inner).optional());

export const RemediationListQuerySchema = z.object({
  zone: z.string().max(100).optional(),
  status: csv(RemediationStatusSchema).describe('One or more statuses, comma-separated'),
  severity: csv(SeveritySchema).describe('One or more severities, comma-separated'),
  assignee: z.string().max(40).optional().describe('A user id, or "me"'),
  overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  q: z.string().max(200).optional(),
  sort: z.enum(['priority', 'due', 'created', '-created', 'number']).optional().describe('Default: priority, then due date'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const RemediationListSchema = z.object({
  items: z.array(RemediationSummarySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int(),
});

export type RemediationStatus = z.infer<typeof RemediationStatusSchema>;
export type RemediationCreate = z.input<typeof RemediationCreateSchema>;
export type RemediationPatch = z.infer<typeof RemediationPatchSchema>;
export type RemediationSummary = z.infer<typeof RemediationSummarySchema>;
export type RemediationDetail = z.infer<typeof RemediationDetailSchema>;
export type RemediationList = z.infer<typeof RemediationListSchema>;
export type RemediationListQuery = z.input<typeof RemediationListQuerySchema>;
export type MilestoneStage = z.infer<typeof MilestoneStageSchema>;
export type MilestoneStatus = z.infer<typeof MilestoneStatusSchema>;
export type SystemElementKind = z.infer<typeof SystemElementKindSchema>;
export type Reprioritize = z.input<typeof ReprioritizeSchema>;
export type Move = z.input<typeof MoveSchema>;
export type CriterionInput = z.input<typeof CriterionInputSchema>;
export type MilestonePatch = z.input<typeof MilestonePatchSchema>;
