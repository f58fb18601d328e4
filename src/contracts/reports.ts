import { z } from 'zod';
import { IdSchema, PersonRefSchema, RoleSchema, TierSchema, TimestampSchema } from './common.ts';

const TierCountsSchema = z.object({ tier1: z.number().int(), tier2: z.number().int(), tier3: z.number().int(), tier4: z.number().int() });

export const ReportZoneSchema = z.object({
  id: IdSchema, key: z.string(), name: z.string(), tier: TierSchema,
  product: z.object({ id: IdSchema, key: z.string(), name: z.string() }),
  owner: PersonRefSchema, deputy: PersonRefSchema.nullable(),
});

export const OwnershipReportSchema = z.object({
  generatedAt: TimestampSchema,
  totals: z.object({ zones: z.number().int(), owners: z.number().int(), byTier: TierCountsSchema, atRisk: z.number().int() }),
  zonesByTier: z.array(z.object({ tier: TierSchema, zones: z.array(ReportZoneSchema) })),
  leads: z.array(z.object({
    user: PersonRefSchema.extend({ role: RoleSchema.nullable() }), total: z.number().int(), byTier: TierCountsSchema,
  })),
  ownerInactive: z.array(ReportZoneSchema).describe('Zones whose owner is deactivated or has left the organization'),
  tier1WithoutDeputy: z.array(ReportZoneSchema).describe('Tier-1 zones with no active deputy'),
});

export const ReportFormatQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') });

export type OwnershipReport = z.infer<typeof OwnershipReportSchema>;
