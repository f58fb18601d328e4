/**
 * Safety debt: the open items past their SLA with what debt needs (effort, due date, zone,
 * accountable owner), marking items escalated, the admins told, and the deferral history of
 * escalated items. The interest itself is computed by domain/debt.ts.
 */
import type { RemediationStatus } from '../domain/remediation-status.ts';
import type { Severity } from '../domain/severity.ts';
import type { Tier } from '../domain/zones.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull } from './rows.ts';
import { isOpenStatus } from './open-status-sql.ts';

export interface OverdueItemRecord {
  id: string;
  number: number;
  title: string;
  status: RemediationStatus;
  severity: Severity;
  priority: number;
  effort: number;
  dueAt: string;
  pausedAt: string | null;
  zone: { id: string; key: string; name: string; tier: Tier };
  owner: { id: string; name: string; email: string };
  assignee: { id: string; name: string } | null;
  sprintId: string | null;
  escalatedAt: string | null;
  escalationReason: string | null;
}

interface Row {
  id: string; number: number; title: string; status: RemediationStatus; severity: Severity; priority: number; effort: number;
  due_at: Date; paused_at: Date | null; zone_id: string; zone_key: string; zone_name: string; zone_tier: Tier;
  owner_id: string; owner_name: string; owner_email: string; assignee_id: string | null; assignee_name: string | null;
  sprint_id: string | null; escalated_at: Date | null; escalation_reason: string | null;
}

const toItem = (r: Row): OverdueItemRecord => ({
  id: r.id, number: r.number, title: r.title, status: r.status, severity: r.severity, priority: Number(r.priority),
  effort: Number(r.effort), dueAt: iso(r.due_at), pausedAt: isoOrNull(r.paused_at),
  zone: { id: r.zone_id, key: r.zone_key, name: r.zone_name, tier: r.zone_tier },
  owner: { id: r.owner_id, name: r.owner_name, email: r.owner_email },
  assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name! } : null, sprintId: r.sprint_id,
  escalatedAt: isoOrNull(r.escalated_at), escalationReason: r.escalation_reason,
});

const SELECT = `SELECT r.id, r.number, r.title, r.status, r.severity, r.priority::float8 AS priority, r.effort::float8 AS effort,
       r.due_at, r.paused_at, z.id AS zone_id, z.key AS zone_key, z.name AS zone_name, z.tier AS zone_tier,
       o.id AS owner_id, o.name AS owner_name, o.email AS owner_email, a.id AS assignee_id, a.name AS assignee_name,
       r.sprint_id, r.escalated_at, r.escalation_reason
  FROM remediations r JOIN zones z ON z.id = r.zone_id JOIN users o ON o.id = z.owner_id
  LEFT JOIN users a ON a.id = r.assignee_id`;

const OPEN = isOpenStatus('r.status');

/**
 * Open items past due at `now` (a paused clock reads the moment it was paused), optionally of
 * one zone or of the zones one person owns; most overdue first.
 */
export async function listOverdueItems(
  q: Queryable, orgId: string, now: string, filter: { zoneId?: string | undefined; ownerId?: string | undefined } = {},
): Promise<OverdueItemRecord[]> {
  const rows = await q.query<Row>(
    `${SELECT}
      WHERE r.org_id = $1 AND ${OPEN} AND coalesce(r.paused_at, $2::timestamptz) > r.due_at
        AND ($3::uuid IS NULL OR r.zone_id = $3) AND ($4::uuid IS NULL OR z.owner_id = $4)
      ORDER BY r.due_at, r.number`, [orgId, now, filter.zoneId ?? null, filter.ownerId ?? null]);
  return rows.map(toItem);
}

/** Open items that were escalated, the most recently escalated first. */
export async function listEscalatedItems(q: Queryable, orgId: string): Promise<OverdueItemRecord[]> {
  const rows = await q.query<Row>(
    `${SELECT} WHERE r.org_id = $1 AND ${OPEN} AND r.escalated_at IS NOT NULL ORDER BY r.escalated_at DESC, r.number`, [orgId]);
  return rows.map(toItem);
}

/** Sets escalated_at and the reason once; returns the ids that were not escalated before. */
export async function markEscalated(
  q: Queryable, orgId: string, items: readonly { id: string; reason: string }[], at: string,
): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = await q.query<{ id: string }>(
    `UPDATE remediations r SET escalated_at = $4, escalation_reason = x.reason, updated_at = $4
       FROM unnest($2::uuid[], $3::text[]) AS x(id, reason)
      WHERE r.org_id = $1 AND r.id = x.id AND r.escalated_at IS NULL
      RETURNING r.id`, [orgId, items.map((i) => i.id), items.map((i) => i.reason), at]);
  return rows.map((r) => r.id);
}

/** Puts an escalation in the queue of every active admin of the organization. */
export async function queueForAdmins(q: Queryable, orgId: string, remediationIds: readonly string[], at: string): Promise<number> {
  if (remediationIds.length === 0) return 0;
  const rows = await q.query<{ id: string }>(
    `INSERT INTO queue_items (org_id, user_id, kind, remediation_id, created_at)
     SELECT $1, m.user_id, 'remediation.escalated', x.id, $3
       FROM memberships m CROSS JOIN unnest($2::uuid[]) AS x(id)
      WHERE m.org_id = $1 AND m.role = 'admin' AND m.status = 'active'
     RETURNING id`, [orgId, remediationIds, at]);
  return rows.length;
}

export interface DeferralRecord {
  remediationId: string;
  rationale: string;
  from: unknown;
  to: unknown;
  actor: string;
  at: string;
}

/** The deferrals of the given items, oldest first. */
export async function listDeferrals(q: Queryable, orgId: string, remediationIds: readonly string[]): Promise<DeferralRecord[]> {
  if (remediationIds.length === 0) return [];
  const rows = await q.query<{ remediation_id: string; rationale: string; before: unknown; after: unknown; actor: string; at: Date }>(
    `SELECT remediation_id, rationale, before, after, actor, at FROM remediation_decisions
      WHERE org_id = $1 AND remediation_id = ANY($2::uuid[]) AND kind = 'deferred' ORDER BY at, id`, [orgId, remediationIds]);
  return rows.map((r) => ({
    remediationId: r.remediation_id, rationale: r.rationale, from: r.before ?? null, to: r.after ?? null, actor: r.actor, at: iso(r.at),
  }));
}
