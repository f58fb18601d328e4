/** Shapes shared by several areas of the API. Imported by http/ (validation, OpenAPI) and web/. */
import { z } from 'zod';

export const TierSchema = z.enum(['tier1', 'tier2', 'tier3', 'tier4']).describe('Risk tier: tier1 is critical, tier4 low');
export const BucketSchema = z.enum(['systemic_integrity', 'user_wellbeing', 'data_stewardship']).describe('Outcome bucket');
export const RoleSchema = z.enum(['admin', 'lead', 'contributor', 'reviewer', 'viewer']);
export const IdSchema = z.uuid();
export const KeySchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'use lower-case letters, digits, dots, dashes or underscores (at most 80)');
export const TimestampSchema = z.string().describe('ISO 8601 date-time, UTC');

export const PersonRefSchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: z.string(),
  status: z.enum(['active', 'deactivated', 'left']),
});

export const IssueSchema = z.object({
  field: z.string().optional(),
  line: z.number().int().optional(),
  column: z.string().optional(),
  message: z.string(),
});

/** RFC 9457 problem details, as every error of the API is returned. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(IssueSchema).optional(),
  requestId: z.string().optional(),
});

export type Tier = z.infer<typeof TierSchema>;
export type Bucket = z.infer<typeof BucketSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type PersonRef = z.infer<typeof PersonRefSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
