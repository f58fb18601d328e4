/** Frameworks: the catalog, mappings and coverage. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';

export const FrameworkIdSchema = z.enum(['nist-ai-rmf', 'iso-42001', 'owasp-llm', 'mitre-atlas']);
export const CoverageStatusSchema = z.enum(['evidenced', 'open_gaps', 'mapped', 'none'])
  .describe('evidenced: verified remediation or finding, or a control with evidence; open_gaps: findings still open; mapped: in scope only');
export const MappingTargetSchema = z.enum(['zone', 'finding', 'remediation', 'control']);

const Counts = z.object({ evidenced: z.number().int(), open_gaps: z.number().int(), mapped: z.number().int(), none: z.number().int() });

export const FrameworkSummarySchema = z.object({
  id: FrameworkIdSchema, name: z.string(), version: z.string(), itemLabel: z.string(), source: z.string(), licence: z.string(),
  itemCount: z.number().int(), coverage: Counts,
});

export const EvidenceSchema = z.object({
  zones: z.number().int(),
  findings: z.object({ total: z.number().int(), open: z.number().int(), verified: z.number().int() }),
  remediations: z.object({ total: z.number().int(), open: z.number().int(), verified: z.number().int() }),
  controls: z.object({ total: z.number().int(), evidenced: z.number().int() }),
});

export const CoverageSchema = FrameworkSummarySchema.extend({
  items: z.array(z.object({
    id: z.string(), title: z.string(), group: z.string(), groupTitle: z.string(), statement: z.string().nullable(),
    evidence: EvidenceSchema, status: CoverageStatusSchema,
  })),
});

export const MappingCreateSchema = z.object({
  framework: z.string().min(1).max(40),
  itemId: z.string().trim().min(1).max(40),
  targetType: MappingTargetSchema,
  target: z.string().max(100).optional().describe('Zone key or id, finding id, REM-12; not for a control'),
  controlTitle: z.string().max(300).optional().describe('For a control: what is in place'),
  controlEvidence: z.string().max(5000).optional().describe('For a control: what shows it works'),
  note: z.string().max(2000).optional(),
});

export const MappingSchema = z.object({
  id: IdSchema, framework: FrameworkIdSchema, itemId: z.string(), targetType: MappingTargetSchema,
  target: z.object({ id: IdSchema.nullable(), key: z.string().nullable(), label: z.string(), state: z.string().nullable() }),
  controlEvidence: z.string(), note: z.string(), createdBy: z.string(), createdAt: TimestampSchema,
});

export type FrameworkSummary = z.infer<typeof FrameworkSummarySchema>;
export type Coverage = z.infer<typeof CoverageSchema>;
export type CoverageStatus = z.infer<typeof CoverageStatusSchema>;
export type Mapping = z.infer<typeof MappingSchema>;
export type MappingCreate = z.infer<typeof MappingCreateSchema>;
