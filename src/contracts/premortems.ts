/** Pre-mortems: failure scenarios ("it failed because…"), causes and mitigations, and their completion. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';
import { ZoneBriefSchema } from './prds.ts';

const Text = (what: string) => z.string().trim().min(3, `${what} (at least 3 characters)`).max(5000);
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

export const ScenarioInputSchema = z.object({
  scenario: Text('say how it failed').describe('"It failed because…"'),
  causes: z.string().max(5000).optional(),
  mitigations: z.array(Text('describe the mitigation')).max(50).optional(),
});

export const PremortemCreateSchema = z.object({
  zone: z.string().min(1).max(100).describe('Zone key or id'),
  release: z.string().trim().min(1).max(200).describe('The release or model update'),
  heldOn: DateOnly,
  participants: z.array(z.string().trim().min(1).max(200)).min(1, 'name at least one participant').max(100),
  scenarios: z.array(ScenarioInputSchema).max(100).optional(),
});

export const MitigationInputSchema = z.object({ text: Text('describe the mitigation') });
export const PremortemDoneSchema = z.object({ done: z.boolean() });

export const PremortemSummarySchema = z.object({
  id: IdSchema, zone: ZoneBriefSchema, release: z.string(), heldOn: z.string(), participants: z.array(z.string()),
  completedAt: TimestampSchema.nullable(), completedBy: z.string().nullable(), createdBy: z.string(), createdAt: TimestampSchema,
  updatedAt: TimestampSchema, scenarioCount: z.number().int(),
});

export const PremortemDetailSchema = PremortemSummarySchema.extend({
  done: z.boolean(),
  scenarios: z.array(z.object({
    id: IdSchema, position: z.number().int(), scenario: z.string(), causes: z.string(),
    mitigations: z.array(z.object({
      id: IdSchema, position: z.number().int(), text: z.string(), findingId: IdSchema.nullable(),
      remediation: z.object({ id: IdSchema, key: z.string() }).nullable(),
    })),
  })),
  permissions: z.object({ canEdit: z.boolean() }),
});

export const PremortemListQuerySchema = z.object({ zone: z.string().max(100).optional() });
export const PremortemListSchema = z.object({ items: z.array(PremortemSummarySchema) });

export type PremortemCreate = z.input<typeof PremortemCreateSchema>;
export type ScenarioInput = z.input<typeof ScenarioInputSchema>;
export type PremortemSummary = z.infer<typeof PremortemSummarySchema>;
export type PremortemDetail = z.infer<typeof PremortemDetailSchema>;
