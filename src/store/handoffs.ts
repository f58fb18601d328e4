/** Ownership handoffs of zones: from, to, when, who, why. */
import type { Queryable } from './db.ts';
import { iso } from './rows.ts';

export interface HandoffRecord {
  id: string;
  zoneId: string;
  from: { id: string; name: string; email: string } | null;
  to: { id: string; name: string; email: string };
  reason: string;
  actor: string;
  actorName: string | null;
  at: string;
}

interface HandoffRow {
  id: string; zone_id: string; reason: string; actor: string; at: Date;
  from_id: string | null; from_name: string | null; from_email: string | null;
  to_id: string; to_name: string; to_email: string; actor_name: string | null;
}

export async function insertHandoff(
  q: Queryable, h: { orgId: string; zoneId: string; fromUserId: string | null; toUserId: string; reason: string; actor: string; at: string },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO zone_handoffs (org_id, zone_id, from_user_id, to_user_id, reason, actor, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [h.orgId, h.zoneId, h.fromUserId, h.toUserId, h.reason, h.actor, h.at]);
  return row!.id;
}

export async function listHandoffs(q: Queryable, orgId: string, zoneId: string): Promise<HandoffRecord[]> {
  const rows = await q.query<HandoffRow>(
    `SELECT h.id, h.zone_id, h.reason, h.actor, h.at,
            f.id AS from_id, f.name AS from_name, f.email AS from_email,
            t.id AS to_id, t.name AS to_name, t.email AS to_email,
            a.name AS actor_name
       FROM zone_handoffs h
       JOIN users t ON t.id = h.to_user_id
       LEFT JOIN users f ON f.id = h.from_user_id
       LEFT JOIN users a ON h.actor LIKE 'user:%' AND a.id::text = substr(h.actor, 6)
      WHERE h.org_id = $1 AND h.zone_id = $2
      ORDER BY h.at DESC, h.id`, [orgId, zoneId]);
  return rows.map((r) => ({
    id: r.id, zoneId: r.zone_id, reason: r.reason, actor: r.actor, actorName: r.actor_name, at: iso(r.at),
    from: r.from_id ? { id: r.from_id, name: r.from_name!, email: r.from_email! } : null,
    to: { id: r.to_id, name: r.to_name, email: r.to_email },
  }));
}
