/** Routing rules: which zone takes a finding of a run imported without a zone. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';
import { ZoneRefSchema } from './findings.ts';

export const RoutingFieldSchema = z.enum(['target', 'rule', 'location'])
  .describe('target: the system under test; rule: plugin, probe or rule id; location: file path');

export const RoutingRuleSchema = z.object({
  id: IdSchema,
  position: z.number().int().describe('Rules are tried in this order; the first match wins'),
  field: RoutingFieldSchema,
  pattern: z.string().describe('A glob: * matches any text, ? one character; case-insensitive, whole value'),
  format: z.string().nullable().describe('Only for runs of this tool format; null for any'),
  zone: ZoneRefSchema,
  createdBy: z.string(),
  createdAt: TimestampSchema,
});

export const RoutingRuleCreateSchema = z.object({
  field: RoutingFieldSchema,
  pattern: z.string().trim().min(1).max(500),
  format: z.enum(['promptfoo', 'garak', 'sarif', 'generic', 'inspect']).optional(),
  zone: z.string().min(1).max(100).describe('Zone key or id'),
  position: z.number().int().min(1).optional().describe('Where to insert it (1 = first); default last'),
});

export type RoutingRule = z.infer<typeof RoutingRuleSchema>;
export type RoutingRuleCreate = z.input<typeof RoutingRuleCreateSchema>;
