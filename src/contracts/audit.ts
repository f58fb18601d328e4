import { z } from 'zod';
import { TimestampSchema } from './common.ts';

export const EventSchema = z.object({
  seq: z.number().int(),
  at: TimestampSchema,
  actor: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

export const EventListSchema = z.object({ items: z.array(EventSchema) });

export const HistoryQuerySchema = z.object({
  entityType: z.enum(['zone', 'product', 'user', 'org', 'remediation']).optional(),
  entityId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeSeq: z.coerce.number().int().min(1).optional(),
});

export const VerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headSeq: z.number().int(),
  break: z.object({ seq: z.number().int(), reason: z.enum(['gap', 'prev_hash', 'hash']), message: z.string() }).nullable(),
});

export type AuditEvent = z.infer<typeof EventSchema>;
export type VerifyResult = z.infer<typeof VerifyResultSchema>;
