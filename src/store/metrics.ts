/**
 * The records the metrics name: the zones of a scope with their product and accountable owner,
 * and the owners. The figures themselves are in metrics-remediation.ts and metrics-findings.ts.
 */
import type { Tier } from '../domain/zones.ts';
import type { Queryable } from './db.ts';
import { scopeFilter, type MetricsScope } from './metrics-scope.ts';
import { isUuid } from '../domain/ids.ts';

export interface MetricsZoneRecord {
  id: string;
  key: string;
  name: string;
  tier: Tier;
  product: { id: string; key: string };
  owner: { id: string; name: string; email: string };
  archived: boolean;
}

interface Row {
  id: string; key: string; name: string; tier: Tier; product_id: string; product_key: string;
  owner_id: string; owner_name: string; owner_email: string; archived: boolean;
}

/** The zones of a scope (archived ones too: their history counts), by tier then name. */
export async function metricsZones(q: Queryable, orgId: string, scope: MetricsScope): Promise<MetricsZoneRecord[]> {
  const params: unknown[] = [orgId];
  const where = scopeFilter(scope, 'z.id', params);
  const rows = await q.query<Row>(
    `SELECT z.id, z.key, z.name, z.tier, p.id AS product_id, p.key AS product_key,
            o.id AS owner_id, o.name AS owner_name, o.email AS owner_email, z.archived_at IS NOT NULL AS archived
       FROM zones z JOIN products p ON p.id = z.product_id JOIN users o ON o.id = z.owner_id
      WHERE z.org_id = $1 AND ${where}
      ORDER BY z.tier, z.name, z.id`, params, `metrics_zones_${scope.kind}`);
  return rows.map((r) => ({
    id: r.id, key: r.key, name: r.name, tier: r.tier, product: { id: r.product_id, key: r.product_key },
    owner: { id: r.owner_id, name: r.owner_name, email: r.owner_email }, archived: r.archived,
  }));
}

/** A member of the organization by id or e-mail (the owner a scorecard is asked for), or null. */
export async function findMetricsPerson(
  q: Queryable, orgId: string, ref: string,
): Promise<{ id: string; name: string; email: string } | null> {
  const isId = isUuid(ref);
  const [row] = await q.query<{ id: string; name: string; email: string }>(
    `SELECT u.id, u.name, u.email FROM users u JOIN memberships m ON m.user_id = u.id AND m.org_id = $1
      WHERE ${isId ? 'u.id = $2::uuid' : 'u.email = lower($2)'}`, [orgId, ref]);
  return row ?? null;
}
