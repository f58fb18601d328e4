/** Findings: the list with filters, one finding with its evidence and history, manual findings, routing. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';

export const SeveritySchema = z.enum(['critical', 'high', 'medium', 'low', 'info']);
export const FindingStatusSchema = z.enum(['open', 'fixed_unverified', 'verified'])
  .describe('open; fixed_unverified (absent from a later run); verified (absent for N clean runs in a row)');
export const FindingSourceSchema = z.enum(['import', 'manual', 'exercise']);
export const OutcomeSchema = z.enum(['new', 'still_present', 'not_reproduced', 'regressed', 'verified']);

export const EvidenceSchema = z.object({
  prompt: z.string().max(8_000).optional(),
  response: z.string().max(8_000).optional(),
  reason: z.string().max(8_000).optional(),
  score: z.number().optional(),
  label: z.string().max(8_000).optional(),
  location: z.string().max(8_000).optional(),
  snippet: z.string().max(8_000).optional(),
});

export const ZoneRefSchema = z.object({ id: IdSchema, key: z.string(), name: z.string() });

/** The hypothesis a finding stands for: who is hurt how, under which threat, across which boundary. */
export const HypothesisSchema = z.object({
  userScenario: z.string().max(5000).nullable().describe('The user scenario in which the weakness hurts someone'),
  threatModel: z.string().max(5000).nullable().describe('Who exploits it and how (the threat model)'),
  systemBoundary: z.string().max(5000).nullable().describe('Which system boundary it crosses (e.g. model output → tool call)'),
});

export const FindingSummarySchema = z.object({
  id: IdSchema,
  zone: ZoneRefSchema.nullable().describe('Null while the finding is unrouted'),
  format: z.string().describe('The tool format (promptfoo, garak, sarif, generic, inspect) or manual'),
  source: FindingSourceSchema,
  title: z.string(),
  severity: SeveritySchema,
  ruleId: z.string(),
  target: z.string().nullable(),
  location: z.string().nullable(),
  categories: z.array(z.string()),
  counts: z.object({ failed: z.number().int(), total: z.number().int() }).nullable(),
  status: FindingStatusSchema,
  regressed: z.boolean().describe('Was fixed or verified and came back; stays true as a flag'),
  firstSeenAt: TimestampSchema,
  lastSeenAt: TimestampSchema,
});

export const FindingHistoryEntrySchema = z.object({
  runId: IdSchema, fileName: z.string(), tool: z.string(), importedAt: TimestampSchema, actor: z.string(), outcome: OutcomeSchema,
});

export const FindingDetailSchema = FindingSummarySchema.extend(HypothesisSchema.shape).extend({
  fingerprint: z.string(),
  description: z.string(),
  mitigation: z.string().nullable(),
  evidence: z.array(EvidenceSchema),
  regressionCount: z.number().int(),
  cleanRuns: z.number().int(),
  statusChangedAt: TimestampSchema,
  introducedIn: z.string().nullable().describe('Release or date in which the weakness was introduced, when known'),
  introducedOn: z.string().nullable().describe('The date of introduction (YYYY-MM-DD) when introducedIn is a date'),
  timeToDetectDays: z.number().nullable().describe('Days from introduction to first seen, when the introduction date is known'),
  exercise: z.object({ id: IdSchema, name: z.string() }).nullable(),
  createdBy: z.string().nullable().describe('Who typed it in (manual and exercise findings)'),
  history: z.array(FindingHistoryEntrySchema).describe('Runs that saw or missed this finding, newest first'),
  triage: z.object({
    state: z.enum(['untriaged', 'remediate', 'duplicate', 'false_positive', 'accepted_risk']),
    reason: z.string().nullable().describe('The rationale written at triage'),
    at: TimestampSchema.nullable(),
    by: z.string().nullable(),
    duplicateOf: IdSchema.nullable(),
    remediation: z.object({ id: IdSchema, key: z.string(), title: z.string(), status: z.string() }).nullable(),
    riskAcceptanceId: IdSchema.nullable(),
  }).describe('The triage decision on this finding and what it links to'),
  canEdit: z.boolean(),
  canRoute: z.boolean(),
});

const csv = <T extends string>(inner: z.ZodType<T, string>) => z.string().optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined))
  .pipe(z.array(inner).optional());

export const FindingSortSchema = z.enum(['severity', '-severity', 'lastSeen', '-lastSeen', 'firstSeen', '-firstSeen', 'title', '-title']);

export const FindingListQuerySchema = z.object({
  zone: z.string().max(100).optional().describe('Zone key or id'),
  severity: csv(SeveritySchema).describe('One or more severities, comma-separated'),
  status: csv(FindingStatusSchema).describe('One or more statuses, comma-separated'),
  tool: z.string().max(50).optional().describe('Format: promptfoo, garak, sarif, generic, inspect, manual'),
  category: z.string().max(200).optional().describe('A category id, e.g. owasp-llm:LLM01 or cwe:79'),
  q: z.string().max(200).optional().describe('Text in the title, description, rule or target'),
  regressed: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  unrouted: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('Only findings no zone took'),
  exercise: IdSchema.optional().describe('Only findings of this red-team exercise'),
  sort: FindingSortSchema.optional().describe('Default: -severity (critical first), then newest'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const FindingListSchema = z.object({
  items: z.array(FindingSummarySchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const FindingCreateSchema = z.object({
  zone: z.string().max(100).optional().describe('Zone key or id; without one the finding is unrouted'),
  title: z.string().trim().min(1).max(500),
  severity: SeveritySchema,
  description: z.string().max(20_000).default(''),
  ruleId: z.string().trim().min(1).max(200).optional().describe('What kind of weakness (e.g. a plugin id); default "manual"'),
  target: z.string().max(500).optional(),
  location: z.string().max(1000).optional(),
  mitigation: z.string().max(20_000).optional(),
  categories: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  evidence: z.array(EvidenceSchema).max(5).default([]),
  userScenario: z.string().max(5000).optional(),
  threatModel: z.string().max(5000).optional(),
  systemBoundary: z.string().max(5000).optional(),
  introducedIn: z.string().max(200).optional().describe('Release or date (YYYY-MM-DD) in which it was introduced'),
  exerciseId: IdSchema.optional().describe('The red-team exercise that produced it'),
});

export const FindingPatchSchema = z.object({
  userScenario: z.string().max(5000).nullable().optional(),
  threatModel: z.string().max(5000).nullable().optional(),
  systemBoundary: z.string().max(5000).nullable().optional(),
  introducedIn: z.string().max(200).nullable().optional(),
});

export const FindingRouteSchema = z.object({
  zone: z.string().min(1).max(100).describe('Zone key or id to route the finding to'),
});

export const RunFindingListQuerySchema = z.object({
  outcome: OutcomeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export type Severity = z.infer<typeof SeveritySchema>;
export type FindingStatus = z.infer<typeof FindingStatusSchema>;
export type FindingSummary = z.infer<typeof FindingSummarySchema>;
export type FindingDetail = z.infer<typeof FindingDetailSchema>;
export type FindingList = z.infer<typeof FindingListSchema>;
export type FindingCreate = z.input<typeof FindingCreateSchema>;
export type FindingPatch = z.infer<typeof FindingPatchSchema>;
export type FindingListQuery = z.input<typeof FindingListQuerySchema>;
export type EvidenceItem = z.infer<typeof EvidenceSchema>;
