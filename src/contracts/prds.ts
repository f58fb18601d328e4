/** PRD reviews: the PRD, its Safety Implications (failure modes), submission, approval and its refusals. */
import { z } from 'zod';
import { BucketSchema, IdSchema, IssueSchema, TierSchema, TimestampSchema } from './common.ts';
import { SeveritySchema } from './findings.ts';

export const PrdStatusSchema = z.enum(['draft', 'in_review', 'approved']);
export const LikelihoodSchema = z.enum(['rare', 'unlikely', 'possible', 'likely', 'almost_certain']);
const Rubric = z.number().int().min(1).max(5);

export const PersonBriefSchema = z.object({ id: IdSchema, name: z.string(), email: z.string() });
export const ZoneBriefSchema = z.object({
  id: IdSchema, key: z.string(), name: z.string(), tier: TierSchema, buckets: z.array(BucketSchema), ownerId: IdSchema,
  ownerName: z.string(), deputyId: IdSchema.nullable(),
});

export const FailureModeInputSchema = z.object({
  harm: z.string().trim().min(3, 'describe the harm (at least 3 characters)').max(5000),
  bucket: BucketSchema.describe('One of the zone\'s outcome buckets'),
  severity: SeveritySchema,
  likelihood: LikelihoodSchema,
  mitigation: z.string().max(5000).nullable().optional().describe('Planned mitigation; required for approval when high or critical'),
  ownerId: IdSchema.nullable().optional(),
});

export const PrdCreateSchema = z.object({
  zone: z.string().min(1).max(100).describe('Zone key or id'),
  title: z.string().trim().min(1).max(300),
  url: z.url().max(2000).optional().describe('Link to the PRD document'),
  authorId: IdSchema.optional().describe('Default: the caller'),
  failureModes: z.array(FailureModeInputSchema).max(200).optional(),
});

export const PrdPatchSchema = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  url: z.url().max(2000).nullable().optional(),
  authorId: IdSchema.nullable().optional(),
});

export const ReopenSchema = z.object({ reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(5000) });

/** Turning a failure mode or mitigation into a finding or a remediation item in one step. */
export const FollowUpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('finding'), title: z.string().trim().min(1).max(300).optional(), severity: SeveritySchema.optional() }),
  z.object({
    kind: z.literal('remediation'), title: z.string().trim().min(1).max(300).optional(), severity: SeveritySchema.optional(),
    impact: Rubric, feasibility: Rubric, customerValue: Rubric,
    rationale: z.string().trim().min(3, 'write down why (at least 3 characters)').max(5000), assigneeId: IdSchema.optional(),
  }),
]);

export const FailureModeSchema = z.object({
  id: IdSchema, position: z.number().int(), harm: z.string(), bucket: BucketSchema, severity: SeveritySchema,
  likelihood: LikelihoodSchema, mitigation: z.string().nullable(), owner: PersonBriefSchema.nullable(),
  findingId: IdSchema.nullable(), remediation: z.object({ id: IdSchema, key: z.string() }).nullable(),
  createdAt: TimestampSchema, updatedAt: TimestampSchema,
});

export const PrdSummarySchema = z.object({
  id: IdSchema, zone: ZoneBriefSchema, title: z.string(), url: z.string().nullable(), author: PersonBriefSchema.nullable(),
  status: PrdStatusSchema, submittedAt: TimestampSchema.nullable(), approvedAt: TimestampSchema.nullable(),
  approvedBy: z.string().nullable(), createdBy: z.string(), createdAt: TimestampSchema, updatedAt: TimestampSchema,
  failureModeCount: z.number().int(),
});

export const PrdDetailSchema = PrdSummarySchema.extend({
  failureModes: z.array(FailureModeSchema),
  approvalProblems: z.array(IssueSchema).describe('Why approval would be refused now; empty when it would pass'),
  permissions: z.object({ canEdit: z.boolean(), canApprove: z.boolean() }),
});

export const PrdListQuerySchema = z.object({ zone: z.string().max(100).optional(), status: PrdStatusSchema.optional() });
export const PrdListSchema = z.object({ items: z.array(PrdSummarySchema) });

export type PrdStatus = z.infer<typeof PrdStatusSchema>;
export type Likelihood = z.infer<typeof LikelihoodSchema>;
export type FailureModeInput = z.input<typeof FailureModeInputSchema>;
export type PrdCreate = z.input<typeof PrdCreateSchema>;
export type PrdPatch = z.input<typeof PrdPatchSchema>;
export type FollowUp = z.input<typeof FollowUpSchema>;
export type FailureMode = z.infer<typeof FailureModeSchema>;
export type PrdSummary = z.infer<typeof PrdSummarySchema>;
export type PrdDetail = z.infer<typeof PrdDetailSchema>;
export type ZoneBrief = z.infer<typeof ZoneBriefSchema>;
