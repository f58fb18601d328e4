/** Zones with their product, owner and deputy; handoffs are in handoffs.ts. */
import type { Bucket, Tier } from '../domain/zones.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull } from './rows.ts';

export type PersonStatus = 'active' | 'deactivated' | 'left';

export interface PersonRef {
  id: string;
  name: string;
  email: string;
  status: PersonStatus;
}

export interface ZoneRecord {
  id: string;
  key: string;
  name: string;
  description: string;
  tier: Tier;
  buckets: Bucket[];
  product: { id: string; key: string; name: string };
  owner: PersonRef;
  deputy: PersonRef | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface ZoneRow {
  id: string; key: string; name: string; description: string; tier: Tier; buckets: Bucket[];
  product_id: string; product_key: string; product_name: string;
  owner_id: string; owner_name: string; owner_email: string; owner_status: PersonStatus;
  deputy_id: string | null; deputy_name: string | null; deputy_email: string | null; deputy_status: PersonStatus | null;
  archived_at: Date | null; created_at: Date; updated_at: Date; total?: number;
}

const toZone = (r: ZoneRow): ZoneRecord => ({
  id: r.id, key: r.key, name: r.name, description: r.description, tier: r.tier, buckets: r.buckets,
  product: { id: r.product_id, key: r.product_key, name: r.product_name },
  owner: { id: r.owner_id, name: r.owner_name, email: r.owner_email, status: r.owner_status },
  deputy: r.deputy_id
    ? { id: r.deputy_id, name: r.deputy_name!, email: r.deputy_email!, status: r.deputy_status! }
    : null,
  archivedAt: isoOrNull(r.archived_at), createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
});

const SELECT = `
  SELECT z.id, z.key, z.name, z.description, z.tier, z.buckets, z.archived_at, z.created_at, z.updated_at,
         p.id AS product_id, p.key AS product_key, p.name AS product_name,
         o.id AS owner_id, o.name AS owner_name, o.email AS owner_email,
         coalesce(om.status, 'left') AS owner_status,
         d.id AS deputy_id, d.name AS deputy_name, d.email AS deputy_email,
         CASE WHEN d.id IS NULL THEN NULL ELSE coalesce(dm.status, 'left') END AS deputy_status`;

const FROM = `
    FROM zones z
    JOIN products p ON p.id = z.product_id
    JOIN users o ON o.id = z.owner_id
    LEFT JOIN memberships om ON om.org_id = z.org_id AND om.user_id = z.owner_id
    LEFT JOIN users d ON d.id = z.deputy_id
    LEFT JOIN memberships dm ON dm.org_id = z.org_id AND dm.user_id = z.deputy_id`;

export type ZoneSort = 'name' | 'tier' | 'product' | 'owner' | 'updated';

const ORDER: Record<ZoneSort, string> = {
  name: 'lower(z.name), z.id',
  tier: 'z.tier, lower(z.name), z.id',
  product: 'lower(p.name), lower(z.name), z.id',
  owner: 'lower(o.name), lower(z.name), z.id',
  updated: 'z.updated_at DESC, z.id',
};

export interface ZoneFilter {
  productId?: string | undefined;
  tier?: Tier | undefined;
  bucket?: Bucket | undefined;
  ownerId?: string | undefined;
  q?: string | undefined;
  includeArchived?: boolean | undefined;
  sort?: ZoneSort | undefined;
  limit: number;
  offset: number;
}

export async function listZones(q: Queryable, orgId: string, f: ZoneFilter): Promise<{ items: ZoneRecord[]; total: number }> {
  const where = ['z.org_id = $1'];
  const params: unknown[] = [orgId];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (!f.includeArchived) where.push('z.archived_at IS NULL');
  if (f.productId) add((n) => `z.product_id = ${n}`, f.productId);
  if (f.tier) add((n) => `z.tier = ${n}`, f.tier);
  if (f.bucket) add((n) => `${n} = ANY(z.buckets)`, f.bucket);
  if (f.ownerId) add((n) => `z.owner_id = ${n}`, f.ownerId);
  if (f.q) {
    add((n) => `(z.name ILIKE ${n} OR z.key ILIKE ${n} OR z.description ILIKE ${n} OR o.name ILIKE ${n})`,
      `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const sort = f.sort ?? 'name';
  // Only the joins the filter and the order need: the page of ids comes first (from the
  // (org_id, lower(name), id) index for the default order), then the joins for those rows only.
  const from = `FROM zones z${f.q || sort === 'owner' ? ' JOIN users o ON o.id = z.owner_id' : ''}${sort === 'product' ? ' JOIN products p ON p.id = z.product_id' : ''}`;
  const filter = `${from} WHERE ${where.join(' AND ')}`;
  const rows = await q.query<ZoneRow>(
    `WITH page AS (SELECT z.id ${filter} ORDER BY ${ORDER[sort]} LIMIT $${params.length + 1} OFFSET $${params.length + 2})
     ${SELECT}, (SELECT count(*)::int ${filter}) AS total ${FROM}
       JOIN page ON page.id = z.id
      ORDER BY ${ORDER[sort]}`, [...params, f.limit, f.offset]);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && f.offset > 0) {
    // Past the last page there is no row to carry the count.
    const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n ${filter}`, params);
    total = c?.n ?? 0;
  }
  return { items: rows.map(toZone), total };
}

export async function findZone(q: Queryable, orgId: string, ref: string, forUpdate = false): Promise<ZoneRecord | null> {
  const byId = /^[0-9a-f-]{36}$/i.test(ref);
  const [row] = await q.query<ZoneRow>(
    `${SELECT} ${FROM} WHERE z.org_id = $1 AND ${byId ? 'z.id = $2::uuid' : 'z.key = $2'}${forUpdate ? ' FOR UPDATE OF z' : ''}`,
    [orgId, ref]);
  return row ? toZone(row) : null;
}

export interface ZoneWrite {
  productId: string;
  key: string;
  name: string;
  description: string;
  tier: Tier;
  buckets: Bucket[];
  ownerId: string;
  deputyId: string | null;
}

export async function insertZone(q: Queryable, orgId: string, z: ZoneWrite): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO zones (org_id, product_id, key, name, description, tier, buckets, owner_id, deputy_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [orgId, z.productId, z.key, z.name, z.description, z.tier, z.buckets, z.ownerId, z.deputyId]);
  return row!.id;
}

export async function updateZone(q: Queryable, orgId: string, id: string, z: Omit<ZoneWrite, 'ownerId' | 'key'>): Promise<void> {
  await q.query(
    `UPDATE zones SET product_id = $3, name = $4, description = $5, tier = $6, buckets = $7, deputy_id = $8,
            updated_at = now()
      WHERE org_id = $1 AND id = $2`,
    [orgId, id, z.productId, z.name, z.description, z.tier, z.buckets, z.deputyId]);
}

export async function setZoneOwner(q: Queryable, orgId: string, id: string, ownerId: string, clearDeputy: boolean): Promise<void> {
  await q.query(
    `UPDATE zones SET owner_id = $3, deputy_id = CASE WHEN $4::boolean THEN NULL ELSE deputy_id END, updated_at = now()
      WHERE org_id = $1 AND id = $2`, [orgId, id, ownerId, clearDeputy]);
}

export async function setZoneArchived(q: Queryable, orgId: string, id: string, archived: boolean): Promise<void> {
  await q.query(
    `UPDATE zones SET archived_at = CASE WHEN $3::boolean THEN now() ELSE NULL END, updated_at = now()
      WHERE org_id = $1 AND id = $2`, [orgId, id, archived]);
}

/** Active zones a user owns or deputizes in an organization: what must be handed off before they go. */
export async function zonesHeldBy(
  q: Queryable, orgId: string, userId: string,
): Promise<{ id: string; key: string; name: string; as: 'owner' | 'deputy' }[]> {
  return q.query(
    `SELECT id, key, name, CASE WHEN owner_id = $2 THEN 'owner' ELSE 'deputy' END AS "as"
       FROM zones WHERE org_id = $1 AND (owner_id = $2 OR deputy_id = $2) AND archived_at IS NULL
      ORDER BY lower(name)`, [orgId, userId]);
}
