/** Products: the AI systems and surfaces that are split into zones. */
import type { Queryable } from './db.ts';
import { iso } from './rows.ts';

export interface ProductRecord {
  id: string;
  key: string;
  name: string;
  description: string;
  zoneCount: number;
  createdAt: string;
  updatedAt: string;
}

interface ProductRow {
  id: string; key: string; name: string; description: string; zone_count: number; created_at: Date; updated_at: Date;
}

const toProduct = (r: ProductRow): ProductRecord => ({
  id: r.id, key: r.key, name: r.name, description: r.description, zoneCount: r.zone_count ?? 0,
  createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
});

const SELECT = `SELECT p.*, (SELECT count(*)::int FROM zones z WHERE z.product_id = p.id AND z.archived_at IS NULL) AS zone_count
  FROM products p`;

export async function listProducts(q: Queryable, orgId: string): Promise<ProductRecord[]> {
  return (await q.query<ProductRow>(`${SELECT} WHERE p.org_id = $1 ORDER BY lower(p.name)`, [orgId])).map(toProduct);
}

export async function findProduct(q: Queryable, orgId: string, ref: string): Promise<ProductRecord | null> {
  const byId = /^[0-9a-f-]{36}$/i.test(ref);
  const [row] = await q.query<ProductRow>(
    `${SELECT} WHERE p.org_id = $1 AND ${byId ? 'p.id = $2::uuid' : 'p.key = $2'}`, [orgId, ref]);
  return row ? toProduct(row) : null;
}

export async function insertProduct(
  q: Queryable, orgId: string, p: { key: string; name: string; description: string },
): Promise<ProductRecord> {
  const [row] = await q.query<ProductRow>(
    `INSERT INTO products (org_id, key, name, description) VALUES ($1, $2, $3, $4) RETURNING *, 0 AS zone_count`,
    [orgId, p.key, p.name, p.description]);
  return toProduct(row!);
}

export async function updateProduct(
  q: Queryable, orgId: string, id: string, p: { name: string; description: string },
): Promise<void> {
  await q.query(`UPDATE products SET name = $3, description = $4, updated_at = now() WHERE org_id = $1 AND id = $2`,
    [orgId, id, p.name, p.description]);
}
