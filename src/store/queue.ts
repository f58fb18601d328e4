/**
 * A person's queue: items Keel puts there (a regressed finding in a zone they own, a remediation
 * item assigned to them, one waiting for their validation, an escalation).
 */
import type { Severity } from '../domain/severity.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull } from './rows.ts';
import type { ZoneRef } from './runs.ts';

export type QueueKind = 'finding.regressed' | 'remediation.assigned' | 'remediation.validate' | 'remediation.escalated'
  | 'risk_acceptance.expired' | 'board.action';

export interface QueueItemRecord {
  id: string;
  kind: QueueKind;
  createdAt: string;
  readAt: string | null;
  finding: { id: string; title: string; severity: Severity } | null;
  remediation: { id: string; key: string; title: string; status: string } | null;
  zone: ZoneRef | null;
  runId: string | null;
  runFileName: string | null;
  /** A review board action item owned by the person. */
  boardAction: { id: string; sessionId: string; sessionOn: string; text: string; dueOn: string; status: string } | null;
}

interface Row {
  id: string; kind: QueueKind; created_at: Date; read_at: Date | null; finding_id: string | null; title: string | null;
  severity: Severity | null; remediation_id: string | null; rem_number: number | null; rem_title: string | null; rem_status: string | null;
  zone_id: string | null; zone_key: string | null; zone_name: string | null; run_id: string | null; file_name: string | null;
  board_action: QueueItemRecord['boardAction'];
}

export async function listQueue(q: Queryable, orgId: string, userId: string, limit: number): Promise<QueueItemRecord[]> {
  const rows = await q.query<Row>(
    `SELECT i.id, i.kind, i.created_at, i.read_at, i.finding_id, f.title, f.severity, i.remediation_id, m.number AS rem_number,
            m.title AS rem_title, m.status AS rem_status, z.id AS zone_id, z.key AS zone_key, z.name AS zone_name, i.run_id, r.file_name,
            (SELECT json_build_object('id', ba.id, 'sessionId', ba.session_id, 'sessionOn', bs.scheduled_on::text, 'text', ba.text,
                    'dueOn', ba.due_on::text, 'status', ba.status)
               FROM board_action_items ba JOIN board_sessions bs ON bs.id = ba.session_id WHERE ba.id = i.board_action_id) AS board_action
       FROM queue_items i LEFT JOIN findings f ON f.id = i.finding_id LEFT JOIN remediations m ON m.id = i.remediation_id
       LEFT JOIN zones z ON z.id = coalesce(f.zone_id, m.zone_id)
       LEFT JOIN runs r ON r.id = i.run_id
      WHERE i.org_id = $1 AND i.user_id = $2
      ORDER BY (i.read_at IS NULL) DESC, i.created_at DESC LIMIT $3`, [orgId, userId, limit]);
  return rows.map((r) => ({
    id: r.id, kind: r.kind, createdAt: iso(r.created_at), readAt: isoOrNull(r.read_at),
    finding: r.finding_id ? { id: r.finding_id, title: r.title!, severity: r.severity! } : null,
    remediation: r.remediation_id
      ? { id: r.remediation_id, key: `REM-${r.rem_number!}`, title: r.rem_title!, status: r.rem_status! } : null,
    zone: r.zone_id ? { id: r.zone_id, key: r.zone_key!, name: r.zone_name! } : null, runId: r.run_id, runFileName: r.file_name,
    boardAction: r.board_action ?? null,
  }));
}

/** Puts a remediation item in people's queues (assigned to them, waiting for their validation, escalated). */
export async function queueRemediation(
  q: Queryable, orgId: string, userIds: string[], kind: Exclude<QueueKind, 'finding.regressed' | 'risk_acceptance.expired' | 'board.action'>, remediationId: string, at: string,
): Promise<void> {
  if (userIds.length === 0) return;
  await q.query(
    `INSERT INTO queue_items (org_id, user_id, kind, remediation_id, created_at)
     SELECT $1, u.id, $3, $4, $5 FROM unnest($2::uuid[]) AS u(id)`, [orgId, [...new Set(userIds)], kind, remediationId, at]);
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
