/** Resolving a zone a caller names (by key or id) for the services that take one. */
import { InputError } from '../domain/errors.ts';
import type { Queryable } from '../store/db.ts';
import { findZone, type ZoneRecord } from '../store/zones.ts';

/**
 * The zone named by `ref` in the organization, or an InputError on `field`. Archived zones take
 * no new work unless `allowArchived` (filters may name them).
 */
export async function resolveZone(
  q: Queryable, orgId: string, ref: string, field: string, opts: { allowArchived?: boolean } = {},
): Promise<ZoneRecord> {
  const zone = await findZone(q, orgId, ref);
  if (!zone) throw InputError.field(field, `no zone ${JSON.stringify(ref)} in this organization`);
  if (zone.archivedAt && !opts.allowArchived) {
    throw InputError.field(field, `zone ${zone.key} is archived; restore it or choose another zone`);
  }
  return zone;
}
