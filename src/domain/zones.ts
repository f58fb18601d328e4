/** Zones: tiers, outcome buckets and the rules a zone must keep. */
import { InputError } from './errors.ts';

export const TIERS = ['tier1', 'tier2', 'tier3', 'tier4'] as const;
export type Tier = (typeof TIERS)[number];

export const BUCKETS = ['systemic_integrity', 'user_wellbeing', 'data_stewardship'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const TIER_LABELS: Record<Tier, string> = {
  tier1: 'Tier 1 · critical',
  tier2: 'Tier 2 · high',
  tier3: 'Tier 3 · moderate',
  tier4: 'Tier 4 · low',
};

/** A zone key: lower-case letters, digits, dots, dashes; unique within an organization. */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,79}$/;

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** Buckets deduplicated in canonical order; at least one is required. */
export function normalizeBuckets(buckets: readonly Bucket[], field = 'buckets'): Bucket[] {
  const set = new Set(buckets);
  if (set.size === 0) throw InputError.field(field, 'a zone needs at least one outcome bucket');
  return BUCKETS.filter((b) => set.has(b));
}

export function isTier(value: string): value is Tier {
  return (TIERS as readonly string[]).includes(value);
}

export function isBucket(value: string): value is Bucket {
  return (BUCKETS as readonly string[]).includes(value);
}

/** A handoff must say why: the reason is the institutional memory of the change. */
export function requireReason(reason: string | undefined, field = 'reason'): string {
  const trimmed = (reason ?? '').trim();
  if (trimmed.length < 3) {
    throw InputError.field(field, 'a handoff needs a reason (at least 3 characters)');
  }
  return trimmed;
}
