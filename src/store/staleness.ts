/**
 * The candidates of the weekly re-scoping review: open items idle for the policy time, in a
 * zone handed off after they were created, or with a linked finding no longer reproduced or
 * in another zone. domain/staleness.ts decides which reasons apply.
 */
import type { RemediationStatus } from '../domain/remediation-status.ts';
import type { Severity } from '../domain/severity.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull } from './rows.ts';
import { isOpenStatus } from './open-status-sql.ts';

export interface StaleCandidateRecord {
  id: string;
  number: number;
  title: string;
  status: RemediationStatus;
  severity: Severity;
  priority: number;
  zone: { id: string; key: string; name: string };
  owner: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  createdAt: string;
  lastActivityAt: string;
  zoneHandedOffAt: string | null;
  findings: { status: 'open' | 'fixed_unverified' | 'verified'; zoneId: string | null }[];
}

interface Row {
  id: string; number: number; title: string; status: RemediationStatus; severity: Severity; priority: number;
  zone_id: string; zone_key: string; zone_name: string; owner_id: string; owner_name: string;
  assignee_id: string | null; assignee_name: string | null; created_at: Date; last_activity_at: Date;
  handed_off_at: Date | string | null; findings: { status: 'open' | 'fixed_unverified' | 'verified'; zone_id: string | null }[] | null;
}

export async function listStaleCandidates(q: Queryable, orgId: string, idleSince: string, limit: number): Promise<StaleCandidateRecord[]> {
  const rows = await q.query<Row>(
    `WITH c AS (
       SELECT r.*, (SELECT max(h.at) FROM zone_handoffs h WHERE h.zone_id = r.zone_id AND h.from_user_id IS NOT NULL) AS handed_off_at
         FROM remediations r
        WHERE r.org_id = $1 AND ${isOpenStatus('r.status')})
     SELECT c.id, c.number, c.title, c.status, c.severity, c.priority::float8 AS priority, z.id AS zone_id, z.key AS zone_key,
            z.name AS zone_name, o.id AS owner_id, o.name AS owner_name, a.id AS assignee_id, a.name AS assignee_name,
            c.created_at, c.last_activity_at, c.handed_off_at,
            (SELECT jsonb_agg(jsonb_build_object('status', f.status, 'zone_id', f.zone_id))
               FROM findings f WHERE f.remediation_id = c.id) AS findings
       FROM c JOIN zones z ON z.id = c.zone_id JOIN users o ON o.id = z.owner_id LEFT JOIN users a ON a.id = c.assignee_id
      WHERE c.last_activity_at <= $2::timestamptz
         OR c.handed_off_at > c.created_at
         OR EXISTS (SELECT 1 FROM findings f WHERE f.remediation_id = c.id
                     AND (f.status <> 'open' OR (f.zone_id IS NOT NULL AND f.zone_id <> c.zone_id)))
      ORDER BY c.priority DESC, c.due_at, c.number
      LIMIT $3`, [orgId, idleSince, limit]);
  return rows.map((r) => ({
    id: r.id, number: r.number, title: r.title, status: r.status, severity: r.severity, priority: Number(r.priority),
    zone: { id: r.zone_id, key: r.zone_key, name: r.zone_name }, owner: { id: r.owner_id, name: r.owner_name },
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name! } : null,
    createdAt: iso(r.created_at), lastActivityAt: iso(r.last_activity_at), zoneHandedOffAt: isoOrNull(r.handed_off_at),
    findings: (r.findings ?? []).map((f) => ({ status: f.status, zoneId: f.zone_id })),
  }));
}
