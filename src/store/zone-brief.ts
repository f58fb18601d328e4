/** A zone as the governance records (PRDs, pre-mortems, launches) carry it, read in one JSON column. */
import type { Bucket, Tier } from '../domain/zones.ts';

import type { ZoneRecord } from './zones.ts';

export type { PersonBrief } from './remediations.ts';

export interface ZoneBrief {
  id: string; key: string; name: string; tier: Tier; buckets: Bucket[]; ownerId: string; ownerName: string; deputyId: string | null;
}

/** `zone_brief(alias)`: a json column of the zone whose id is `<alias>.zone_id`. */
export const zoneBriefColumn = (alias: string) =>
  `(SELECT json_build_object('id', z.id, 'key', z.key, 'name', z.name, 'tier', z.tier, 'buckets', z.buckets,
           'ownerId', z.owner_id, 'ownerName', o.name, 'deputyId', z.deputy_id)
      FROM zones z JOIN users o ON o.id = z.owner_id WHERE z.id = ${alias}.zone_id)`;

/** A json column of the user whose id is in `column`, or null. */
export const personColumn = (column: string) =>
  `(SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email) FROM users u WHERE u.id = ${column})`;

export function zoneBriefOf(z: ZoneRecord): ZoneBrief {
  return {
    id: z.id, key: z.key, name: z.name, tier: z.tier, buckets: z.buckets, ownerId: z.owner.id, ownerName: z.owner.name,
    deputyId: z.deputy?.id ?? null,
  };
}
