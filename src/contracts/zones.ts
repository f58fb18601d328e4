import { z } from 'zod';
import { BucketSchema, IdSchema, KeySchema, PersonRefSchema, TierSchema, TimestampSchema } from './common.ts';

export const ZoneSchema = z.object({
  id: IdSchema,
  key: z.string(),
  name: z.string(),
  description: z.string(),
  tier: TierSchema,
  buckets: z.array(BucketSchema),
  product: z.object({ id: IdSchema, key: z.string(), name: z.string() }),
  owner: PersonRefSchema,
  deputy: PersonRefSchema.nullable(),
  archivedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});

export const ZoneDetailSchema = ZoneSchema.extend({
  permissions: z.object({ edit: z.boolean(), handoff: z.boolean(), archive: z.boolean() })
    .describe('What the caller may do with this zone'),
});

export const ZoneSortSchema = z.enum(['name', 'tier', 'product', 'owner', 'updated']);

export const ZoneListQuerySchema = z.object({
  product: z.string().optional().describe('Product key or id'),
  tier: TierSchema.optional(),
  bucket: BucketSchema.optional(),
  owner: IdSchema.optional().describe('Owner user id'),
  q: z.string().max(200).optional().describe('Text in the name, key, description or owner name'),
  includeArchived: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  sort: ZoneSortSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ZoneListSchema = z.object({
  items: z.array(ZoneSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const ZoneCreateSchema = z.object({
  product: z.string().min(1).describe('Product key or id'),
  key: KeySchema.optional().describe('Derived from product and name when omitted'),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
  tier: TierSchema,
  buckets: z.array(BucketSchema).min(1, 'a zone needs at least one outcome bucket'),
  ownerId: IdSchema.optional().describe('Defaults to the caller; only an admin may name someone else'),
  deputyId: IdSchema.nullable().optional(),
});

export const ZonePatchSchema = z.object({
  product: z.string().min(1).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(5000).optional(),
  tier: TierSchema.optional(),
  buckets: z.array(BucketSchema).min(1, 'a zone needs at least one outcome bucket').optional(),
  deputyId: IdSchema.nullable().optional(),
});

export const HandoffRequestSchema = z.object({
  toUserId: IdSchema,
  reason: z.string().trim().min(3, 'a handoff needs a reason (at least 3 characters)').max(2000),
  keepDeputy: z.boolean().optional(),
});

export const HandoffSchema = z.object({
  id: IdSchema,
  zoneId: IdSchema,
  from: z.object({ id: IdSchema, name: z.string(), email: z.string() }).nullable(),
  to: z.object({ id: IdSchema, name: z.string(), email: z.string() }),
  reason: z.string(),
  actor: z.string(),
  actorName: z.string().nullable(),
  at: TimestampSchema,
});

export const ArchiveRequestSchema = z.object({ archived: z.boolean() });

export const ZoneImportQuerySchema = z.object({
  format: z.enum(['csv', 'yaml']).optional().describe('Defaults from the Content-Type'),
  dryRun: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});

export const ZoneImportSummarySchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  productsCreated: z.number().int(),
  productsUpdated: z.number().int(),
  zonesCreated: z.number().int(),
  zonesUpdated: z.number().int(),
  zonesUnchanged: z.number().int(),
  handoffs: z.number().int(),
  usersCreated: z.number().int(),
  membersAdded: z.number().int(),
});

export type Zone = z.infer<typeof ZoneSchema>;
export type ZoneDetail = z.infer<typeof ZoneDetailSchema>;
export type ZoneList = z.infer<typeof ZoneListSchema>;
export type Handoff = z.infer<typeof HandoffSchema>;
export type ZoneImportSummary = z.infer<typeof ZoneImportSummarySchema>;
