import type { Bucket, Tier } from '../../../../src/contracts/common.ts';

export const TIERS: readonly Tier[] = ['tier1', 'tier2', 'tier3', 'tier4'];

export const TIER_LABELS: Record<Tier, string> = { tier1: 'Tier 1', tier2: 'Tier 2', tier3: 'Tier 3', tier4: 'Tier 4' };
export const TIER_MEANINGS: Record<Tier, string> = { tier1: 'critical', tier2: 'high', tier3: 'moderate', tier4: 'low' };
export const TIER_COLORS: Record<Tier, string> = { tier1: '#c2410c', tier2: '#d97706', tier3: '#2563eb', tier4: '#64748b' };

export const BUCKETS: readonly Bucket[] = ['systemic_integrity', 'user_wellbeing', 'data_stewardship'];

export const BUCKET_LABELS: Record<Bucket, string> = {
  systemic_integrity: 'Systemic integrity',
  user_wellbeing: 'User wellbeing',
  data_stewardship: 'Data stewardship',
};

export function isTier(v: string | null | undefined): v is Tier {
  return TIERS.includes(v as Tier);
}

export function isBucket(v: string | null | undefined): v is Bucket {
  return BUCKETS.includes(v as Bucket);
}
