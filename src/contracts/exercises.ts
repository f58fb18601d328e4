/** Red-team exercises: a named exercise with participants, scope and dates, and the findings it produced. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';
import { ZoneRefSchema } from './findings.ts';

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-11-23');

export const ExerciseSchema = z.object({
  id: IdSchema,
  name: z.string(),
  scope: z.string().describe('What was in scope: surfaces, models, attack classes'),
  participants: z.array(z.string()).describe('Who took part (names or e-mails; external red-teamers too)'),
  startedOn: z.string().describe('YYYY-MM-DD'),
  endedOn: z.string().nullable().describe('YYYY-MM-DD; null while it runs'),
  zone: ZoneRefSchema.nullable().describe('The zone its findings go to unless one names another'),
  createdBy: z.string(),
  createdAt: TimestampSchema,
  findingCounts: z.object({ total: z.number().int(), open: z.number().int(), critical: z.number().int(), high: z.number().int() }),
});

export const ExerciseCreateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  scope: z.string().max(5000).default(''),
  participants: z.array(z.string().trim().min(1).max(200)).min(1, 'name at least one participant').max(100),
  startedOn: DateSchema,
  endedOn: DateSchema.optional(),
  zone: z.string().max(100).optional().describe('Zone key or id'),
});

export const ExercisePatchSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  scope: z.string().max(5000).optional(),
  participants: z.array(z.string().trim().min(1).max(200)).min(1).max(100).optional(),
  startedOn: DateSchema.optional(),
  endedOn: DateSchema.nullable().optional(),
  zone: z.string().max(100).nullable().optional().describe('Zone key or id; null for none'),
});

export type Exercise = z.infer<typeof ExerciseSchema>;
export type ExerciseCreate = z.input<typeof ExerciseCreateSchema>;
export type ExercisePatch = z.infer<typeof ExercisePatchSchema>;
