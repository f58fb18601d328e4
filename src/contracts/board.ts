/** The safety review board: sessions, the generated agenda per owner, decisions, action items, minutes. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD').describe('YYYY-MM-DD');
const Text = z.string().trim().min(3, 'write at least 3 characters').max(2000);
const Person = z.object({ id: IdSchema, name: z.string(), email: z.string() });
const ZoneBrief = z.object({ id: IdSchema, key: z.string(), name: z.string() });
const Linked = z.object({ type: z.string(), id: IdSchema, key: z.string().nullable() })
  .describe('The record an agenda point, decision or action is about');

export const BoardSessionStatusSchema = z.enum(['planned', 'held', 'closed']);
export const AgendaKindSchema = z.enum([
  'kpi_status', 'finding_new', 'finding_regressed', 'remediation_escalated', 'remediation_overdue', 'debt_change',
  'acceptance_expiring', 'launch_pending', 'action_open',
]);
export const AgendaRecordTypeSchema = z.enum(['kpi', 'finding', 'remediation', 'owner', 'risk_acceptance', 'launch', 'board_action']);

export const BoardSessionSchema = z.object({
  id: IdSchema,
  scheduledOn: DateOnly,
  cadenceDays: z.number().int(),
  status: BoardSessionStatusSchema,
  attendees: z.array(z.string()),
  notes: z.string().describe('The minutes\' summary'),
  agendaSince: TimestampSchema.nullable().describe('The agenda covers the period after this instant…'),
  agendaGeneratedAt: TimestampSchema.nullable().describe('…up to its generation; null until generated'),
  heldAt: TimestampSchema.nullable(),
  closedAt: TimestampSchema.nullable(),
  createdBy: z.string(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  counts: z.object({ agenda: z.number().int(), decisions: z.number().int(), actions: z.number().int(), openActions: z.number().int() }),
});

export const AgendaPointSchema = z.object({
  id: IdSchema,
  position: z.number().int(),
  kind: AgendaKindSchema,
  owner: Person.nullable(),
  recordType: AgendaRecordTypeSchema,
  recordId: IdSchema.nullable(),
  recordKey: z.string().nullable(),
  title: z.string(),
  zone: ZoneBrief.nullable(),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  summary: z.string().describe('What the point is, in words'),
});

export const BoardDecisionSchema = z.object({
  id: IdSchema, sessionId: IdSchema, position: z.number().int(), text: z.string(), rationale: z.string(), record: Linked.nullable(),
  decidedBy: z.string(), createdAt: TimestampSchema,
});

export const BoardActionSchema = z.object({
  id: IdSchema, sessionId: IdSchema, sessionOn: DateOnly, decisionId: IdSchema.nullable(), position: z.number().int(), text: z.string(),
  owner: Person, dueOn: DateOnly, status: z.enum(['open', 'done']), overdue: z.boolean(), record: Linked.nullable(),
  doneAt: TimestampSchema.nullable(), doneBy: z.string().nullable(), doneNote: z.string().nullable(), createdBy: z.string(),
  createdAt: TimestampSchema,
});

export const BoardSessionDetailSchema = BoardSessionSchema.extend({
  agenda: z.array(z.object({ owner: Person.nullable(), points: z.array(AgendaPointSchema) }))
    .describe('Points grouped by accountable owner; points without an owner last'),
  decisions: z.array(BoardDecisionSchema),
  actions: z.array(BoardActionSchema),
  permissions: z.object({ canManage: z.boolean() }),
});

export const BoardNextSchema = z.object({
  cadenceDays: z.number().int(),
  nextOn: DateOnly.describe('The planned session\'s date, else the next date on the cadence'),
  planned: BoardSessionSchema.nullable(),
  latest: BoardSessionSchema.nullable(),
});

export const BoardSessionCreateSchema = z.object({
  scheduledOn: DateOnly.optional().describe('Default: the next date on the cadence'),
  attendees: z.array(z.string().max(200)).max(100).optional(),
});

export const BoardSessionPatchSchema = z.object({
  scheduledOn: DateOnly.optional(),
  attendees: z.array(z.string().max(200)).max(100).optional(),
  notes: z.string().max(50_000).optional(),
});

export const BoardActionCreateSchema = z.object({
  text: Text,
  ownerId: IdSchema,
  dueOn: DateOnly,
  agendaItemId: IdSchema.optional().describe('The agenda point it follows from'),
});

export const BoardDecisionCreateSchema = z.object({
  text: Text,
  rationale: z.string().trim().min(3, 'write down why (at least 3 characters)').max(5000),
  agendaItemId: IdSchema.optional(),
  actions: z.array(BoardActionCreateSchema).max(20).optional(),
});

export const BoardActionDoneSchema = z.object({ note: z.string().max(5000).optional() });
export const BoardActionListQuerySchema = z.object({
  owner: z.string().max(40).optional().describe('A user id, or "me"'),
  status: z.enum(['open', 'done']).optional(),
});

export type BoardSession = z.infer<typeof BoardSessionSchema>;
export type BoardSessionDetail = z.infer<typeof BoardSessionDetailSchema>;
export type AgendaPoint = z.infer<typeof AgendaPointSchema>;
export type BoardDecision = z.infer<typeof BoardDecisionSchema>;
export type BoardAction = z.infer<typeof BoardActionSchema>;
export type BoardNext = z.infer<typeof BoardNextSchema>;
export type BoardSessionCreate = z.infer<typeof BoardSessionCreateSchema>;
export type BoardDecisionCreate = z.infer<typeof BoardDecisionCreateSchema>;
export type BoardActionCreate = z.infer<typeof BoardActionCreateSchema>;
