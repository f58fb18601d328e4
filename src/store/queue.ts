/** A person's queue: items Keel puts there (a regressed finding in a zone they own). */
import type { Severity } from '../domain/severity.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull } from './rows.ts';
import type { ZoneRef } from './runs.ts';

export interface QueueItemRecord {
  id: string;
  kind: 'finding.regressed';
  createdAt: string;
  readAt: string | null;
  finding: { id: string; title: string; severity: Severity };
  zone: ZoneRef | null;
  runId: string | null;
  runFileName: string | null;
}

interface Row {
  id: string; kind: 'finding.regressed'; created_at: Date; read_at: Date | null; finding_id: string; title: string;
  severity: Severity; zone_id: string | null; zone_key: string | null; zone_name: string | null; run_id: string | null;
  file_name: string | null;
}

export async function listQueue(q: Queryable, orgId: string, userId: string, limit: number): Promise<QueueItemRecord[]> {
  const rows = await q.query<Row>(
    `SELECT i.id, i.kind, i.created_at, i.read_at, i.finding_id, f.title, f.severity, f.zone_id, z.key AS zone_key,
            z.name AS zone_name, i.run_id, r.file_name
       FROM queue_items i JOIN findings f ON f.id = i.finding_id LEFT JOIN zones z ON z.id = f.zone_id
       LEFT JOIN runs r ON r.id = i.run_id
      WHERE i.org_id = $1 AND i.user_id = $2
      ORDER BY (i.read_at IS NULL) DESC, i.created_at DESC LIMIT $3`, [orgId, userId, limit]);
  return rows.map((r) => ({
    id: r.id, kind: r.kind, createdAt: iso(r.created_at), readAt: isoOrNull(r.read_at),
    finding: { id: r.finding_id, title: r.title, severity: r.severity },
    zone: r.zone_id ? { id: r.zone_id, key: r.zone_key!, name: r.zone_name! } : null, runId: r.run_id, runFileName: r.file_name,
  }));
}

export async function countUnread(q: Queryable, orgId: string, userId: string): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM queue_items WHERE org_id = $1 AND user_id = $2 AND read_at IS NULL', [orgId, userId]);
  return row!.n;
}

/** Marks an item read; false when the person has no such item. */
export async function markRead(q: Queryable, orgId: string, userId: string, id: string, at: string): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `UPDATE queue_items SET read_at = coalesce(read_at, $4) WHERE org_id = $1 AND user_id = $2 AND id = $3 RETURNING id`,
    [orgId, userId, id, at]);
  return rows.length > 0;
}
