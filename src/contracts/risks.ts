/** The residual risk register: entries, signatures, filters, expiry. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';
import { FindingStatusSchema, SeveritySchema } from './findings.ts';

export const RiskStatusSchema = z.enum(['draft', 'approved', 'expired', 'revoked']);
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const Capacity = z.enum(['owner', 'admin']);

const Fields = {
  title: z.string().trim().min(1, 'say what is accepted').max(300),
  justification: z.string().trim().min(3, 'write the business justification (at least 3 characters)').max(5000),
  compensatingControls: z.string().max(5000).optional().describe('Compensating controls and monitoring'),
  residualSeverity: SeveritySchema.nullable().optional().describe('Critical needs an admin\'s signature besides the owner\'s'),
  exposureText: z.string().max(2000).optional().describe('Estimated exposure in words'),
  exposureAmount: z.number().nonnegative().nullable().optional(),
  exposureUnit: z.string().trim().min(1).max(50).nullable().optional().describe('e.g. users/month, USD'),
  reviewOn: DateOnly.nullable().optional(),
  expiresOn: DateOnly.describe('The acceptance lapses on this day (UTC)'),
};

export const RiskCreateSchema = z.object({
  zone: z.string().min(1).max(100).describe('Zone key or id'),
  ...Fields,
  findingIds: z.array(IdSchema).max(50_000).optional().describe('Findings of the zone it covers: triaged accepted_risk'),
});

export const RiskPatchSchema = z.object({
  zone: z.string().min(1).max(100).optional(),
  title: Fields.title.optional(), justification: Fields.justification.optional(), compensatingControls: Fields.compensatingControls,
  residualSeverity: Fields.residualSeverity, exposureText: Fields.exposureText, exposureAmount: Fields.exposureAmount,
  exposureUnit: Fields.exposureUnit, reviewOn: Fields.reviewOn, expiresOn: Fields.expiresOn.optional(),
});

export const RevokeSchema = z.object({ reason: z.string().trim().min(3, 'say why the acceptance is revoked').max(5000) });

const csv = <T extends string>(inner: z.ZodType<T, string>) => z.string().optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined))
  .pipe(z.array(inner).optional());

export const RiskListQuerySchema = z.object({
  zone: z.string().max(100).optional(),
  status: csv(RiskStatusSchema).describe('Comma-separated statuses'),
  residualSeverity: csv(SeveritySchema).describe('Comma-separated severities'),
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional().describe('Live entries expiring within N days'),
  format: z.enum(['json', 'csv']).default('json'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const RiskSummarySchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  key: z.string().describe('RISK-<number>'),
  zone: z.object({ id: IdSchema, key: z.string(), name: z.string(), ownerId: IdSchema, ownerName: z.string() }).nullable(),
  status: RiskStatusSchema,
  title: z.string(),
  justification: z.string(),
  compensatingControls: z.string(),
  residualSeverity: SeveritySchema.nullable(),
  exposure: z.object({ text: z.string(), amount: z.number().nullable(), unit: z.string().nullable() }),
  reviewOn: z.string().nullable(),
  expiresOn: z.string(),
  daysToExpiry: z.number().int().describe('Negative once past'),
  createdBy: z.string(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  approvedAt: TimestampSchema.nullable(),
  expiredAt: TimestampSchema.nullable(),
  revokedAt: TimestampSchema.nullable(),
  revokedBy: z.string().nullable(),
  revokeReason: z.string().nullable(),
  lapsedFindings: z.number().int().nullable().describe('Findings sent back to triage when it expired or was revoked'),
  findingCount: z.number().int(),
  worstFindingSeverity: SeveritySchema.nullable(),
  approval: z.object({
    required: z.array(Capacity),
    signed: z.array(z.object({ capacity: Capacity, signer: z.string(), name: z.string().nullable(), signedAt: TimestampSchema })),
    missing: z.array(z.object({ capacity: Capacity, who: z.string() })),
  }),
});

export const RiskDetailSchema = RiskSummarySchema.extend({
  findings: z.array(z.object({
    id: IdSchema, title: z.string(), severity: SeveritySchema, status: FindingStatusSchema, triage: z.string(), zoneId: IdSchema.nullable(),
    firstSeenAt: TimestampSchema,
  })),
  permissions: z.object({ canEdit: z.boolean(), canApprove: z.boolean(), canRevoke: z.boolean() }),
  approvalBlockers: z.array(z.object({ field: z.string(), message: z.string() }))
    .describe('What a draft still lacks before it can be signed (field of the draft, and why); empty otherwise'),
});

export const RiskListSchema = z.object({
  items: z.array(RiskSummarySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int(),
});

export const ExpiryResultSchema = z.object({
  expired: z.array(z.object({ orgId: IdSchema, id: IdSchema, key: z.string(), expiresOn: z.string(), findingsReopened: z.number().int() })),
  findingsReopened: z.number().int(),
  queued: z.number().int(),
});

export type RiskStatus = z.infer<typeof RiskStatusSchema>;
export type RiskCreate = z.input<typeof RiskCreateSchema>;
export type RiskPatch = z.input<typeof RiskPatchSchema>;
export type RiskSummary = z.infer<typeof RiskSummarySchema>;
export type RiskDetail = z.infer<typeof RiskDetailSchema>;
export type RiskList = z.infer<typeof RiskListSchema>;
export type ExpiryResult = z.infer<typeof ExpiryResultSchema>;
