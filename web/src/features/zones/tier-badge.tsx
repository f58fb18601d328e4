import type { Bucket, Tier } from '../../../../src/contracts/common.ts';
import { BUCKET_LABELS, TIER_LABELS, TIER_MEANINGS } from './tiers.ts';

export function TierBadge({ tier, long = false }: { tier: Tier; long?: boolean }) {
  return (
    <span className={`badge badge-${tier}`} title={`${TIER_LABELS[tier]}: ${TIER_MEANINGS[tier]} risk`}>
      {TIER_LABELS[tier]}{long && ` · ${TIER_MEANINGS[tier]}`}
    </span>
  );
}

export function BucketChips({ buckets }: { buckets: readonly Bucket[] }) {
  return (
    <ul className="chips" aria-label="Outcome buckets">
      {buckets.map((b) => <li key={b} className={`chip chip-${b}`}>{BUCKET_LABELS[b]}</li>)}
    </ul>
  );
}
