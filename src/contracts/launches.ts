/** Launches: the plan, the gate with its checks and evidence, and the go / pause decision (overrides co-signed by an admin). */
import { z } from 'zod';
import { IdSchema, TierSchema, TimestampSchema } from './common.ts';
import { PrdStatusSchema, ZoneBriefSchema } from './prds.ts';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const Rationale = z.string().trim().min(3, 'write down why (at least 3 characters)').max(5000);

export const LaunchStatusSchema = z.enum(['planned', 'awaiting_cosign', 'go', 'paused']);
export const CheckStatusSchema = z.enum(['pass', 'fail', 'not_required']);
export const CheckKeySchema = z.enum(['prd_approved', 'premortem_done', 'no_open_critical', 'no_overdue_high', 'no_kpi_regression', 'no_expired_acceptance']);
export const EvidenceKindSchema = z.enum(['prd', 'premortem', 'finding', 'remediation', 'kpi', 'risk_acceptance']);

export const LaunchCreateSchema = z.object({
  zone: z.string().min(1).max(100).describe('Zone key or id'),
  name: z.string().trim().min(1).max(200),
  plannedOn: DateOnly,
  prdId: IdSchema.optional(),
  premortemId: IdSchema.optional(),
});

export const LaunchPatchSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  plannedOn: DateOnly.optional(),
  prdId: IdSchema.nullable().optional(),
  premortemId: IdSchema.nullable().optional(),
});

export const DecisionSchema = z.object({ decision: z.enum(['go', 'pause']), rationale: Rationale });
export const CosignSchema = z.object({ rationale: Rationale });

export const GateEvaluationSchema = z.object({
  passed: z.boolean(),
  failing: z.array(CheckKeySchema),
  checks: z.array(z.object({
    key: CheckKeySchema, title: z.string(), status: CheckStatusSchema, summary: z.string(),
    evidence: z.array(z.object({ kind: EvidenceKindSchema, id: z.string(), label: z.string(), detail: z.string() })),
  })),
});

export const LaunchSchema = z.object({
  id: IdSchema, zone: ZoneBriefSchema, name: z.string(), plannedOn: z.string(),
  prd: z.object({ id: IdSchema, title: z.string(), status: PrdStatusSchema, approvedAt: TimestampSchema.nullable() }).nullable(),
  premortem: z.object({ id: IdSchema, release: z.string(), heldOn: z.string(), completedAt: TimestampSchema.nullable() }).nullable(),
  status: LaunchStatusSchema, decision: z.enum(['go', 'pause']).nullable(), rationale: z.string().nullable(),
  decidedBy: z.string().nullable(), decidedAt: TimestampSchema.nullable(),
  override: z.boolean().describe('Went ahead over a failing check, co-signed by an admin; kept forever'),
  cosignedBy: z.string().nullable(), cosignedAt: TimestampSchema.nullable(),
  createdBy: z.string(), createdAt: TimestampSchema, updatedAt: TimestampSchema,
});

export const LaunchDetailSchema = LaunchSchema.extend({
  gate: GateEvaluationSchema,
  decisions: z.array(z.object({
    id: IdSchema, kind: z.enum(['go', 'pause', 'override_requested', 'override_cosigned']), override: z.boolean(),
    rationale: z.string(), checks: GateEvaluationSchema.describe('The gate as it stood when the decision was taken'),
    actor: z.string(), actorName: z.string().nullable(), at: TimestampSchema,
  })),
  permissions: z.object({ canEdit: z.boolean(), canDecide: z.boolean(), canCosign: z.boolean() }),
});

export const GateReportSchema = z.object({
  launch: z.object({ id: IdSchema, name: z.string(), zone: z.object({ id: IdSchema, key: z.string(), name: z.string(), tier: TierSchema }), status: LaunchStatusSchema }),
  evaluatedAt: TimestampSchema,
  evaluation: GateEvaluationSchema,
});

export const LaunchListQuerySchema = z.object({ zone: z.string().max(100).optional(), status: LaunchStatusSchema.optional() });
export const LaunchListSchema = z.object({ items: z.array(LaunchSchema) });

export type LaunchStatus = z.infer<typeof LaunchStatusSchema>;
export type LaunchCreate = z.input<typeof LaunchCreateSchema>;
export type Launch = z.infer<typeof LaunchSchema>;
export type LaunchDetail = z.infer<typeof LaunchDetailSchema>;
export type GateEvaluation = z.infer<typeof GateEvaluationSchema>;
export type GateReport = z.infer<typeof GateReportSchema>;
export type GateCheck = GateEvaluation['checks'][number];
export type Evidence = GateCheck['evidence'][number];
