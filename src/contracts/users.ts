import { z } from 'zod';
import { IdSchema, RoleSchema, TimestampSchema } from './common.ts';

export const MemberSchema = z.object({
  id: IdSchema, email: z.string(), name: z.string(), hasPassword: z.boolean(), createdAt: TimestampSchema,
  orgId: IdSchema, role: RoleSchema, status: z.enum(['active', 'deactivated']), joinedAt: TimestampSchema,
  deactivatedAt: TimestampSchema.nullable(), zonesOwned: z.number().int(),
});

export const MemberListQuerySchema = z.object({
  role: RoleSchema.optional(),
  status: z.enum(['active', 'deactivated']).optional(),
  q: z.string().max(200).optional(),
});

export const MemberCreateSchema = z.object({
  email: z.email(),
  name: z.string().trim().min(1).max(200),
  role: RoleSchema,
  password: z.string().max(1000).optional().describe('Initial password; without one the person cannot sign in yet'),
});

export const MemberPatchSchema = z.object({
  role: RoleSchema.optional(),
  status: z.enum(['active', 'deactivated']).optional(),
  name: z.string().trim().min(1).max(200).optional(),
});

export const SetPasswordRequestSchema = z.object({ password: z.string().min(1).max(1000) });

export type Member = z.infer<typeof MemberSchema>;
