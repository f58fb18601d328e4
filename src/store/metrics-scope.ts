/**
 * What the metrics count over: the whole organization, a product, a zone, or an owner (the
 * zones the person owns now). Every metrics query filters a zone column through scopeFilter,
 * and groups its figures per zone and per owner with the same GROUPING SETS.
 */

export type MetricsScope =
  | { kind: 'org' }
  | { kind: 'product'; productId: string }
  | { kind: 'zone'; zoneId: string }
  | { kind: 'owner'; userId: string };

/** Figures per group: the total of the scope, and when asked, per zone id and per owner id. */
export interface Grouped<T> {
  total: T;
  zones: Map<string, T>;
  owners: Map<string, T>;
}

/**
 * The condition on a zone column (`f.zone_id`, `r.zone_id`) for a scope, with its parameter
 * numbered after the query's own. `$1` is always the organization.
 */
export function scopeFilter(scope: MetricsScope, column: string, params: unknown[]): string {
  switch (scope.kind) {
    case 'org':
      return 'true';
    case 'zone':
      params.push(scope.zoneId);
      return `${column} = $${params.length}`;
    case 'product':
      params.push(scope.productId);
      return `${column} IN (SELECT id FROM zones WHERE org_id = $1 AND product_id = $${params.length})`;
    case 'owner':
      params.push(scope.userId);
      return `${column} IN (SELECT id FROM zones WHERE org_id = $1 AND owner_id = $${params.length})`;
  }
}

/**
 * Every grouped metrics query runs over rows joined to their zone `z` and returns the total
 * of the scope, one row per zone and one per owner: GROUP BY this, select GROUP_COLUMNS.
 */
export const groupingSets = (zoneColumn: string) => `GROUPING SETS ((), (${zoneColumn}), (z.owner_id))`;

export const groupColumns = (zoneColumn: string) =>
  `GROUPING(${zoneColumn}) AS g_zone, GROUPING(z.owner_id) AS g_owner, ${zoneColumn} AS zone_id, z.owner_id`;

export interface GroupRow {
  g_zone: number;
  g_owner: number;
  zone_id: string | null;
  owner_id: string | null;
}

/** Sorts grouped rows into the total, zones and owners; `empty` stands for a scope with no rows. */
export function collect<R extends GroupRow, T>(rows: R[], map: (row: R) => T, empty: T): Grouped<T> {
  const out: Grouped<T> = { total: empty, zones: new Map(), owners: new Map() };
  for (const r of rows) {
    const zoneSet = Number(r.g_zone) === 0;
    const ownerSet = Number(r.g_owner) === 0;
    if (zoneSet && r.zone_id) out.zones.set(r.zone_id, map(r));
    else if (ownerSet && r.owner_id) out.owners.set(r.owner_id, map(r));
    else if (!zoneSet && !ownerSet) out.total = map(r);
  }
  return out;
}
