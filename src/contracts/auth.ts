import { z } from 'zod';
import { IdSchema, RoleSchema, TimestampSchema } from './common.ts';

export const LoginRequestSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1000),
  org: z.string().optional().describe('Organization slug to open; the first one by default'),
});

export const MembershipSummarySchema = z.object({
  orgId: IdSchema, slug: z.string(), name: z.string(), role: RoleSchema, status: z.enum(['active', 'deactivated']),
});

export const MeSchema = z.object({
  user: z.object({ id: IdSchema, email: z.string(), name: z.string() }),
  org: z.object({ id: IdSchema, slug: z.string(), name: z.string() }),
  role: RoleSchema,
  memberships: z.array(MembershipSummarySchema),
});

export const SwitchOrgRequestSchema = z.object({ org: z.string().min(1).describe('Organization slug') });

export const ApiTokenSchema = z.object({
  id: IdSchema, name: z.string(), orgId: IdSchema, createdAt: TimestampSchema, expiresAt: TimestampSchema.nullable(),
  lastUsedAt: TimestampSchema.nullable(), revokedAt: TimestampSchema.nullable(),
});

export const CreateApiTokenRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const CreatedApiTokenSchema = z.object({
  token: z.string().describe('Shown only once: store it now'),
  record: ApiTokenSchema,
});

export const ChangePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(1).max(1000),
});

export type Me = z.infer<typeof MeSchema>;
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
