/** A person's queue: what Keel asks them to look at (a regressed finding in a zone they own…). */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';
import { SeveritySchema, ZoneRefSchema } from './findings.ts';

export const QueueItemSchema = z.object({
  id: IdSchema,
  kind: z.enum(['finding.regressed', 'remediation.assigned', 'remediation.validate', 'remediation.escalated', 'risk_acceptance.expired', 'board.action']),
  createdAt: TimestampSchema,
  readAt: TimestampSchema.nullable(),
  finding: z.object({ id: IdSchema, title: z.string(), severity: SeveritySchema }).nullable(),
  remediation: z.object({ id: IdSchema, key: z.string().describe('REM-<number>'), title: z.string(), status: z.string() }).nullable()
    .describe('The remediation item the entry is about (linked to a regressed finding, assigned, to validate, escalated)'),
  zone: ZoneRefSchema.nullable(),
  runId: IdSchema.nullable(),
  boardAction: z.object({
    id: IdSchema, sessionId: IdSchema, sessionOn: z.string(), text: z.string(), dueOn: z.string(), status: z.string(),
  }).nullable().describe('The review board action item the entry is about'),
  message: z.string().describe('What happened, in words'),
});

export const QueueSchema = z.object({
  items: z.array(QueueItemSchema),
  unread: z.number().int(),
});

export type QueueItem = z.infer<typeof QueueItemSchema>;
export type Queue = z.infer<typeof QueueSchema>;
