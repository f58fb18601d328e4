/** Routing rules, in the order they are tried (domain/routing.ts compiles them for a run). */
import type { RoutingField } from '../domain/routing.ts';
import type { Queryable } from './db.ts';
import { iso } from './rows.ts';
import type { ZoneRef } from './runs.ts';

export interface RoutingRuleRecord {
  id: string;
  position: number;
  field: RoutingField;
  pattern: string;
  format: string | null;
  zone: ZoneRef;
  createdBy: string;
  createdAt: string;
}

interface Row {
  id: string; position: number; field: RoutingField; pattern: string; format: string | null;
  zone_id: string; zone_key: string; zone_name: string; created_by: string; created_at: Date;
}

const toRule = (r: Row): RoutingRuleRecord => ({
  id: r.id, position: r.position, field: r.field, pattern: r.pattern, format: r.format,
  zone: { id: r.zone_id, key: r.zone_key, name: r.zone_name }, createdBy: r.created_by, createdAt: iso(r.created_at),
});

const SELECT = `SELECT r.id, r.position, r.field, r.pattern, r.format, r.zone_id, z.key AS zone_key, z.name AS zone_name,
  r.created_by, r.created_at FROM routing_rules r JOIN zones z ON z.id = r.zone_id`;

export async function listRoutingRules(q: Queryable, orgId: string): Promise<RoutingRuleRecord[]> {
  return (await q.query<Row>(`${SELECT} WHERE r.org_id = $1 ORDER BY r.position`, [orgId])).map(toRule);
}

export async function findRoutingRule(q: Queryable, orgId: string, id: string): Promise<RoutingRuleRecord | null> {
  const [row] = await q.query<Row>(`${SELECT} WHERE r.org_id = $1 AND r.id = $2`, [orgId, id]);
  return row ? toRule(row) : null;
}

/** Serializes rule edits of an organization (positions stay 1..n without gaps). */
export async function lockRoutingRules(q: Queryable, orgId: string): Promise<number> {
  await q.query('SELECT id FROM orgs WHERE id = $1 FOR UPDATE', [orgId]);
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM routing_rules WHERE org_id = $1', [orgId]);
  return row!.n;
}

export interface RoutingRuleWrite {
  position: number;
  field: RoutingField;
  pattern: string;
  format: string | null;
  zoneId: string;
}

/** Inserts at `position`, moving the rules at and after it down one place. */
export async function insertRoutingRule(q: Queryable, orgId: string, r: RoutingRuleWrite, createdBy: string, at: string): Promise<string> {
  await q.query('UPDATE routing_rules SET position = position + 1 WHERE org_id = $1 AND position >= $2', [orgId, r.position]);
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO routing_rules (org_id, position, field, pattern, format, zone_id, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [orgId, r.position, r.field, r.pattern, r.format, r.zoneId, createdBy, at]);
  return row!.id;
}

export async function deleteRoutingRule(q: Queryable, orgId: string, id: string, position: number): Promise<void> {
  await q.query('DELETE FROM routing_rules WHERE org_id = $1 AND id = $2', [orgId, id]);
  await q.query('UPDATE routing_rules SET position = position - 1 WHERE org_id = $1 AND position > $2', [orgId, position]);
}
